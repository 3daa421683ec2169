package app.roadbook.parsing;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * What a mail ({@link ParsedEmail}) and a contract ({@link ParsedContract}) in the inbox share: the text every span
 * points into, how it arrived, the original in the files registry, its status, and the show it was confirmed into.
 * Who made and who confirmed it is set by the database (V28's trigger), never by the application.
 */
@MappedSuperclass
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public abstract class ParsedItem extends OrgEntity {

    @Column(name = "status", nullable = false)
    private String status = ItemStatus.NEW.stored();

    @Column(name = "raw_content", nullable = false)
    private String rawContent;

    @Column(name = "received_via", nullable = false)
    private String receivedVia;

    @Column(name = "source_file_id")
    private UUID sourceFileId;

    @Column(name = "notes")
    private String notes;

    @Column(name = "extracted_at")
    private OffsetDateTime extractedAt;

    @Column(name = "show_id")
    private UUID showId;

    @Column(name = "created_by", insertable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "confirmed_by", insertable = false, updatable = false)
    private UUID confirmedBy;

    @Column(name = "confirmed_at", insertable = false, updatable = false)
    private OffsetDateTime confirmedAt;

    protected ParsedItem(UUID orgId, ReceivedVia via, String text, String notes, UUID sourceFileId) {
        super(orgId);
        this.receivedVia = via.stored();
        this.rawContent = text;
        this.notes = notes;
        this.sourceFileId = sourceFileId;
    }

    public ItemStatus status() {
        return ItemStatus.of(status);
    }

    public ReceivedVia receivedVia() {
        return ReceivedVia.of(receivedVia);
    }

    /** The heading of the item: a mail's subject, a contract's file name. */
    public abstract String title();

    /** Who sent it, if it is a mail. */
    public abstract String sender();

    void extracted(OffsetDateTime at) {
        this.extractedAt = at;
    }

    void status(ItemStatus next) {
        this.status = next.stored();
    }

    void confirmedInto(UUID show) {
        this.status = ItemStatus.CONFIRMED.stored();
        this.showId = show;
    }
}

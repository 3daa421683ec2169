package app.roadbook.parsing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A booking mail (or a pasted text) in the parsing inbox; a mail received by the poller has its Message-ID. */
@Entity
@Table(name = "parsed_emails")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ParsedEmail extends ParsedItem {

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "from_email")
    private String fromEmail;

    @Column(name = "message_id", updatable = false)
    private String messageId;

    ParsedEmail(
            UUID orgId, ReceivedVia via, String subject, String from, String text, String notes, UUID sourceFileId) {
        super(orgId, via, text, notes, sourceFileId);
        this.subject = subject == null ? "" : subject;
        this.fromEmail = from;
    }

    @Override
    public String title() {
        return subject.isBlank() ? (receivedVia() == ReceivedVia.PASTE ? "Pasted text" : "(no subject)") : subject;
    }

    @Override
    public String sender() {
        return fromEmail;
    }
}

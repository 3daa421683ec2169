package app.roadbook.parsing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A contract (PDF, DOCX) uploaded to the parsing inbox. */
@Entity
@Table(name = "parsed_contracts")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ParsedContract extends ParsedItem {

    @Column(name = "file_name", nullable = false)
    private String fileName;

    ParsedContract(UUID orgId, String fileName, String text, String notes, UUID sourceFileId) {
        super(orgId, ReceivedVia.UPLOAD, text, notes, sourceFileId);
        this.fileName = fileName;
    }

    @Override
    public String title() {
        return fileName;
    }

    @Override
    public String sender() {
        return null;
    }
}

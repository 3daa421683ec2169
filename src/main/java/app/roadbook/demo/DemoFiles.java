package app.roadbook.demo;

import app.roadbook.files.FileStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A few files in the demo org's library (decision 0022): The Auroras' rider shared with their shows' promoter teams,
 * an input list, and a contract for the first show kept to the members. Bytes go through the {@link FileStore}; rows
 * are written with the owner connection like the rest of the demo (an aborted seed can leave a few orphaned bytes,
 * which cost disk only).
 */
final class DemoFiles {

    private DemoFiles() {}

    // SQL: seed rows as the database owner; no acting user exists yet for the services and their row-level security.
    static void seed(JdbcTemplate owner, FileStore store, UUID orgId, UUID uploadedBy) {
        UUID auroras = owner.queryForObject(
                "select id from artists where org_id = ? and slug = 'the-auroras'", UUID.class, orgId);
        UUID firstShow = owner.queryForObject(
                "select id from shows where org_id = ? and artist_id = ? order by date limit 1",
                UUID.class,
                orgId,
                auroras);
        file(
                owner,
                store,
                orgId,
                uploadedBy,
                "artist_id",
                auroras,
                "promoter_team",
                "The Auroras rider.txt",
                "text/plain",
                """
                The Auroras: technical rider 2027
                Stage: 10 x 8 m, drum riser 2 x 2 m
                FOH: 48 channels, position centre at 25 m
                Backline: provided by the band
                Hospitality: hot meal for 9 at 18:00
                """);
        file(
                owner,
                store,
                orgId,
                uploadedBy,
                "artist_id",
                auroras,
                "promoter_team",
                "The Auroras input list.csv",
                "text/csv",
                """
                channel,source,mic,stand
                1,Kick in,Beta 91,none
                2,Kick out,D112,short
                3,Snare,SM57,short
                4,Vocal,KSM9,tall
                """);
        file(owner, store, orgId, uploadedBy, "show_id", firstShow, "members", "Contract.pdf", "application/pdf", """
                %PDF-1.4
                % Performance agreement (demo)
                trailer << >>
                %%EOF
                """);
    }

    private static void file(
            JdbcTemplate owner,
            FileStore store,
            UUID orgId,
            UUID uploadedBy,
            String subjectColumn,
            UUID subject,
            String visibility,
            String name,
            String type,
            String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String key = orgId + "/" + UUID.randomUUID();
        try {
            store.put(key, new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        owner.update(
                "insert into files (org_id, " + subjectColumn + ", storage_path, original_name, content_type,"
                        + " size_bytes, visibility, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                orgId,
                subject,
                key,
                name,
                type,
                bytes.length,
                visibility,
                uploadedBy);
    }
}

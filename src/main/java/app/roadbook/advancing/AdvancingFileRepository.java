package app.roadbook.advancing;

import app.roadbook.files.StoredFile;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Registers the files uploaded into advances' document boxes (the files package keeps their bytes). */
interface AdvancingFileRepository extends JpaRepository<StoredFile, UUID> {}

package app.roadbook.parsing;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ParsingSettingRepository extends JpaRepository<ParsingSetting, UUID> {}

package app.roadbook.parsing;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ParsedContractRepository extends JpaRepository<ParsedContract, UUID> {}

package app.roadbook.parsing;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ParsedValueRepository extends JpaRepository<ParsedValue, UUID> {

    List<ParsedValue> findByEmailIdOrderByPosition(UUID emailId);

    List<ParsedValue> findByContractIdOrderByPosition(UUID contractId);
}

package app.roadbook.tenancy;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrgMemberRepository extends JpaRepository<OrgMember, OrgMember.Key> {}

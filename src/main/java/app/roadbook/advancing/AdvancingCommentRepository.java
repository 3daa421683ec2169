package app.roadbook.advancing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Comments on advancing fields; RLS decides who reads which (members, and collaborators granted the show). */
interface AdvancingCommentRepository extends JpaRepository<AdvancingComment, UUID> {

    /** The thread of a field: the comments on both of its sides, oldest first. */
    @Query("""
            select new app.roadbook.advancing.AdvancingRows$Comment(c.id, coalesce(c.authorName, 'Someone'), c.body, c.createdAt,
                   case when c.authorId = :me then true else false end)
            from AdvancingComment c
            where c.fieldId in (select f.id from AdvancingField f, AdvancingField pair
                                where pair.id = :fieldId and f.session = pair.session and f.section = pair.section
                                  and f.fieldName = pair.fieldName)
            order by c.createdAt""")
    List<AdvancingRows.Comment> findThread(UUID fieldId, UUID me);

    /** The name a comment is signed with. */
    @Query("select u.displayName from AppUser u where u.id = :userId")
    Optional<String> findDisplayName(UUID userId);
}

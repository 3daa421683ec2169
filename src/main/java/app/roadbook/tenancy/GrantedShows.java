package app.roadbook.tenancy;

/** Whether the signed-in user has shows shared with them as an external collaborator (implemented by advancing). */
public interface GrantedShows {
    boolean hasGrantedShows();
}

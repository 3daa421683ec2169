package app.roadbook.advancing;

import app.roadbook.tenancy.GrantedShows;
import org.springframework.stereotype.Component;

/** Lets the home page send an external collaborator to "My shows". */
@Component
class GrantedShowsLookup implements GrantedShows {

    private final AdvancingExchange advancing;

    GrantedShowsLookup(AdvancingExchange advancing) {
        this.advancing = advancing;
    }

    @Override
    public boolean hasGrantedShows() {
        return !advancing.myShows().isEmpty();
    }
}

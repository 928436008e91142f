package dev.onewindow.evaluation.ratings;

/** An invitation waiting for its rating, or the rating given. */
public enum RatingStatus {
    INVITED, RATED
}

package dev.onewindow.evaluation.ratings;

import dev.onewindow.platform.domain.DomainException;

/** 五级评价 (国办发〔2019〕51号): 非常满意 5 … 非常不满意 1; 1 and 2 are bad ratings (差评). */
public final class Level {

    public static final int MIN = 1;
    public static final int MAX = 5;

    private Level() {
    }

    public static void require(int level) {
        if (level < MIN || level > MAX) {
            throw DomainException.invalid("INVALID_LEVEL", "a rating is a level from 1 (非常不满意) to 5 (非常满意)")
                    .with("field", "level");
        }
    }

    public static boolean bad(int level) {
        return level <= 2;
    }
}

package dev.onewindow.catalog.entry;

import java.math.BigDecimal;

import dev.onewindow.catalog.limits.Limits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Fee (收费): free, or an amount in yuan with the document that sets it. */
public record Fee(
        @NotNull Boolean free,
        @DecimalMin("0") @DecimalMax(Limits.FEE_MAX)
        @Digits(integer = Limits.FEE_INTEGER_DIGITS, fraction = Limits.FEE_FRACTION_DIGITS) BigDecimal amount,
        @Size(max = Limits.NOTE) String basis) {

    public static final Fee FREE = new Fee(true, BigDecimal.ZERO, null);

    public Fee {
        // one representation per amount, so equal fees compare equal after a round trip through the database
        amount = amount == null ? BigDecimal.ZERO : amount.stripTrailingZeros();
        if (amount.scale() < 0 && amount.precision() - amount.scale() <= Limits.FEE_INTEGER_DIGITS) {
            amount = amount.setScale(0); // 80, not 8E+1; a larger amount is refused by validation, never written out
        }
    }

    public boolean isFree() {
        return Boolean.TRUE.equals(free);
    }
}

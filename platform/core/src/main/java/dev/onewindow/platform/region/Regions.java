package dev.onewindow.platform.region;

import java.util.regex.Pattern;

/**
 * Administrative division codes (行政区划代码, GB/T 2260): six digits, province + city + district, with trailing
 * {@code 00} pairs for a higher level — {@code 340000} 安徽省, {@code 341300} 宿州市, {@code 341302} 埇桥区. A region
 * covers itself and everything below it: a city supervisor sees the city's districts.
 */
public final class Regions {

    public static final Pattern CODE = Pattern.compile("\\d{6}");

    private Regions() {
    }

    /** Whether {@code region} lies within {@code scope} (or is it); false for anything that is not a code. */
    public static boolean covers(String scope, String region) {
        if (scope == null || region == null || !CODE.matcher(scope).matches() || !CODE.matcher(region).matches()
                || scope.equals("000000")) {
            return false;
        }
        String prefix = scope.endsWith("0000") ? scope.substring(0, 2)
                : scope.endsWith("00") ? scope.substring(0, 4) : scope;
        return region.startsWith(prefix);
    }
}

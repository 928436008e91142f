package dev.onewindow.catalog.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.onewindow.catalog.bundle.MergedMaterial.MaterialRef;
import dev.onewindow.catalog.entry.Material;
import dev.onewindow.catalog.entry.SearchText;

/**
 * The merged material list of a bundle (一件事一次告知): a material several members need is asked once.
 *
 * <p>Materials are the same when their names are the same after normalisation (full/half width, case, spaces and
 * punctuation ignored: "居民身份证（原件）" ≠ "居民身份证", but "营业执照 " = "营业执照"); two materials of one member are
 * never merged. The merged material is required if any member requires it (otherwise conditional, with the
 * members' conditions), with the largest original and copy counts asked by a member, and accepts an e-license type
 * in place of the paper only if every member that needs it accepts that type (intersection), so one presented
 * e-license satisfies every child case. Order: first appearance, members in bundle order.
 */
public final class BundleMaterials {

    private BundleMaterials() {
    }

    public static List<MergedMaterial> merge(List<MemberSnapshot> members) {
        Map<String, List<Need>> byName = new LinkedHashMap<>();
        for (MemberSnapshot member : members) {
            for (Material material : member.materials()) {
                List<Need> needs = byName.computeIfAbsent(key(material), k -> new ArrayList<>());
                boolean sameMemberAlready = needs.stream()
                        .anyMatch(n -> n.member().equals(member.implementationCode()));
                if (sameMemberAlready) {
                    // one member listing two same-named materials means two documents: keep them apart
                    byName.computeIfAbsent(key(material) + "#" + member.implementationCode() + "#"
                            + material.code(), k -> new ArrayList<>()).add(new Need(member.implementationCode(),
                            material));
                } else {
                    needs.add(new Need(member.implementationCode(), material));
                }
            }
        }
        List<MergedMaterial> merged = new ArrayList<>();
        for (List<Need> needs : byName.values()) {
            merged.add(merge(String.format("B%02d", merged.size() + 1), needs));
        }
        return merged;
    }

    private static MergedMaterial merge(String code, List<Need> needs) {
        Material first = needs.get(0).material();
        boolean required = needs.stream().anyMatch(n -> n.material().isRequired());
        String condition = required ? null : String.join("；", needs.stream()
                .map(n -> n.material().condition()).filter(c -> c != null && !c.isBlank()).distinct().toList());
        int originals = needs.stream().mapToInt(n -> n.material().originals()).max().orElse(0);
        int copies = needs.stream().mapToInt(n -> n.material().copies()).max().orElse(0);
        Set<String> accepted = new LinkedHashSet<>(first.acceptedLicenseTypes());
        needs.forEach(n -> accepted.retainAll(n.material().acceptedLicenseTypes()));
        List<MaterialRef> refs = needs.stream().map(n -> new MaterialRef(n.member(), n.material().code())).toList();
        return new MergedMaterial(code, first.name().strip(), required, condition, originals, copies,
                List.copyOf(accepted), refs);
    }

    private static String key(Material material) {
        return SearchText.normalize(material.name());
    }

    private record Need(String member, Material material) {
    }
}

package dev.onewindow.catalog.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * service-catalog settings ({@code onewindow.catalog.*}).
 *
 * @param demoData                the local stack's demo catalog, loaded at start when enabled
 * @param reviewBeforePublication  review before publication (审核发布): entry versions and bundles are submitted for
 *                                 review and published by a second person, never their author (default true);
 *                                 false lets a catalog admin publish a draft directly, for a city that reviews its
 *                                 catalogue by another process
 */
@ConfigurationProperties("onewindow.catalog")
public record CatalogProperties(@DefaultValue DemoData demoData,
        @DefaultValue("true") boolean reviewBeforePublication) {

    /**
     * @param enabled  load (upsert by code) the demo catalog at start; off unless the local stack turns it on
     * @param location where the demo catalog JSON is
     */
    public record DemoData(@DefaultValue("false") boolean enabled,
            @DefaultValue("classpath:demo/catalog.json") String location) {
    }
}

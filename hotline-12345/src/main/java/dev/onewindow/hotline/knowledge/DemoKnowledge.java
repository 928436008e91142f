package dev.onewindow.hotline.knowledge;

import java.io.IOException;
import java.io.InputStream;

import dev.onewindow.hotline.config.HotlineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's knowledge base (onewindow.hotline.demo.enabled): the entries of {@code demo/knowledge.json},
 * added when absent, so a restart changes nothing and an edited entry stays edited.
 */
@Component
class DemoKnowledge {

    private static final Logger log = LoggerFactory.getLogger(DemoKnowledge.class);

    private final KnowledgeBase knowledge;
    private final HotlineProperties properties;
    private final JsonMapper json;

    DemoKnowledge(KnowledgeBase knowledge, HotlineProperties properties, JsonMapper json) {
        this.knowledge = knowledge;
        this.properties = properties;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() throws IOException {
        if (!properties.demo().enabled()) {
            return;
        }
        try (InputStream in = new ClassPathResource("demo/knowledge.json").getInputStream()) {
            log.info("demo knowledge base: {} entries added", knowledge.loadIfAbsent(in, json));
        }
    }
}

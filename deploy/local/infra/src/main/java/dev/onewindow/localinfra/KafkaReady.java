package dev.onewindow.localinfra;

import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/**
 * Readiness probe for the local Kafka broker, used by deploy/local/up.sh: exits 0 once the cluster answers a
 * metadata request with at least one registered broker and lists topics; exits 1 otherwise (after ~10 s).
 *
 * <pre>java -cp &lt;classpath&gt; dev.onewindow.localinfra.KafkaReady [127.0.0.1:9092]</pre>
 */
public final class KafkaReady {

    private KafkaReady() {
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        Properties props = new Properties();
        props.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500"));
        try (Admin admin = Admin.create(props)) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            if (nodes.isEmpty()) {
                System.err.println("KafkaReady: no broker registered yet");
                System.exit(1);
            }
            int topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).size();
            System.out.println("KafkaReady: brokers=" + nodes.size() + " topics=" + topics);
        } catch (Exception e) {
            System.err.println("KafkaReady: not ready: " + e);
            System.exit(1);
        }
        System.exit(0);
    }
}

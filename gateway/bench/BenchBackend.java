import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The trivial backend of gateway-bench.sh: embedded Tomcat (the container every OneWindow service runs in) answering
 * any GET with a small JSON body, checking nothing. Run as a single-file program:
 * {@code java -cp tomcat-embed-core.jar BenchBackend.java PORT MAX_KEEP_ALIVE_REQUESTS}
 * (Tomcat's and Spring Boot's default for the latter is 100; -1 = unlimited).
 */
public class BenchBackend {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int maxKeepAliveRequests = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/bench-backend-" + port);
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxKeepAliveRequests", Integer.toString(maxKeepAliveRequests));
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        byte[] body = "{\"status\":\"ok\",\"service\":\"case-handling\"}".getBytes(StandardCharsets.UTF_8);
        Tomcat.addServlet(context, "ping", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("application/json");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        });
        context.addServletMappingDecoded("/*", "ping");
        tomcat.start();
        System.out.println("bench backend on :" + port + " (maxKeepAliveRequests=" + maxKeepAliveRequests + ")");
        tomcat.getServer().await();
    }
}

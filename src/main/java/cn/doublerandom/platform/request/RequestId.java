package cn.doublerandom.platform.request;

import jakarta.enterprise.context.RequestScoped;

/**
 * The id of the request being served: the caller's {@code X-Request-Id} when it is a plain token,
 * else a fresh UUID. It is echoed in the response, written in every log line (MDC
 * {@code requestId}) and in every audit row.
 */
@RequestScoped
public class RequestId {

    private String value;

    public String value() {
        return value;
    }

    void set(String value) {
        this.value = value;
    }
}

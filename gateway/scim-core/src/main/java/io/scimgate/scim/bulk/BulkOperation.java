package io.scimgate.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One operation of a BulkRequest (RFC 7644 §3.7).
 *
 * @param index   its position in the request, for ordering the response
 * @param method  POST, PUT, PATCH or DELETE
 * @param bulkId  the client's name for a resource it creates (required for POST), or {@code null}
 * @param path    {@code /Users}, {@code /Groups/{id}}, {@code /Groups/bulkId:qwerty}
 * @param version an ETag to match ({@code If-Match}), or {@code null}
 * @param data    the body, or {@code null}
 * @param references the bulkIds this operation refers to in its path or data
 */
public record BulkOperation(int index, String method, String bulkId, String path, String version, JsonNode data,
    Set<String> references) {}

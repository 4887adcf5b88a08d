using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HccPathway.ServiceDefaults.Http.Idempotency;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every command in the OpenAPI document.</summary>
internal sealed class IdempotencyOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "";
        if (!HttpMethods.IsPost(method) && !HttpMethods.IsPut(method) && !HttpMethods.IsPatch(method) && !HttpMethods.IsDelete(method))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotentRequest.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description =
                "A client-chosen key (1-255 printable ASCII characters, e.g. a UUID) that makes a retry safe: the same key with the " +
                "same request within the window (default 24 h) returns the original response (header Idempotent-Replayed: true) and " +
                "appends nothing; the same key with a different request gets 422. Keys are scoped to the caller and the endpoint. " +
                "See docs/api/idempotency.md.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotentRequest.MaxKeyLength },
        });
        return Task.CompletedTask;
    }
}

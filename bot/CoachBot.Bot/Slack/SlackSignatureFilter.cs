using System.Buffers;
using System.Net.Http.Headers;
using CoachBot.Bot.Hosting;
using CoachBot.Coaching.Data;
using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

/// <summary>
/// Checks a Slack request before anything parses it: content type (415), size read with a cap (413), then the v0
/// signature over the raw bytes (401). Only a verified body reaches the handler.
/// </summary>
internal sealed class SlackSignatureFilter(IOptions<SlackOptions> options, TimeProvider time, SchemaGuard schema, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (http.GetEndpoint()?.Metadata.GetMetadata<SlackPayloadType>() is { } expected && !HasMediaType(request.ContentType, expected.MediaType))
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ReadCappedAsync(request, options.Value.MaxRequestBytes, http.RequestAborted);
        if (body is null)
        {
            SlackEndpointLog.TooLarge(logger, request.Path, options.Value.MaxRequestBytes);
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var check = SlackSignature.Verify(
            options.Value.SigningSecret,
            request.Headers[SlackSignature.TimestampHeader],
            request.Headers[SlackSignature.SignatureHeader],
            body,
            time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            SlackEndpointLog.Rejected(logger, request.Path, check);
            return TypedResults.Unauthorized();
        }

        http.Features.Set(new VerifiedSlackRequest(body, request.Headers["X-Slack-Retry-Num"], request.Headers["X-Slack-Retry-Reason"]));
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            // Expected while PostgreSQL is away: one line, no stack. 503 makes Slack retry the event later.
            SlackEndpointLog.DatabaseUnavailable(logger, request.Path, ex.GetType().Name);
            schema.NoteFailure(ex);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (DatabaseOutage.IsRetryableStorageFailure(ex))
        {
            // Storage failed in a way a retry can get past (a deadlock, a timeout): 503 lets Slack retry the event later.
            SlackEndpointLog.HandlerFailed(logger, ex, request.Path);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static bool HasMediaType(string? contentType, string expected) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && string.Equals(parsed.MediaType, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole body, or null as soon as it is longer than <paramref name="max"/> (never reads past max + 1 bytes).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(max + 1, 64 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, max + 1) - length), cancellationToken);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > max)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

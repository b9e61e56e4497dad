using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// Pacing, retries and failure classification for Connector calls. Per tenant and per conversation through the
/// PostgreSQL-shared gate; 429 honours Retry-After for the whole tenant; 412/502/503/504 back off with jitter;
/// 400/401/403/404/413 are never retried (401 gets one token refresh). 403/404 mark the conversation unreachable.
/// </summary>
public sealed class ConnectorSendPolicy(
    SharedRateGate gate,
    ConversationReferenceStore references,
    BotTokenClient tokens,
    ServiceUrlTrust trust,
    IOptions<TeamsOptions> options,
    TimeProvider clock,
    ILogger<ConnectorSendPolicy> logger)
{
    public async Task<HttpResponseMessage> SendAsync(
        ConnectorTarget target, Func<bool, HttpRequestMessage> createRequest, HttpClient http, CancellationToken cancellationToken)
    {
        var teams = options.Value;
        var tenantKey = $"teams:{target.TenantId}";
        var forceRefresh = false;
        await WarmTokenAsync(target, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await gate.WaitAsync(tenantKey, teams.RequestsPerSecondPerTenant, cancellationToken);
            if (target.ConversationId.Length > 0)
            {
                await gate.WaitForConversationAsync($"teams:conversation:{ThreadRoot(target.ConversationId)}", teams.MessagesPerSecondPerConversation, cancellationToken);
            }

            var response = await SendOnceAsync(http, createRequest(forceRefresh), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var error = ConnectorError.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
                var retryIn = RetryDelay(response, attempt, teams);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !forceRefresh)
                {
                    forceRefresh = true; // an expired or revoked token: refresh once, then it is configuration
                }
                else if (retryIn is null)
                {
                    throw await FailAsync(target, error, cancellationToken);
                }
                else if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Log.Throttled(logger, target.TenantId, retryIn.Value);
                    await gate.BlockAsync(tenantKey, retryIn.Value, cancellationToken); // the whole tenant waits, on every instance
                    if (PrepaidRate.Covers(tenantKey))
                    {
                        // A nudge batch reserved this slot: it owns the back-off (it reschedules instead of holding a
                        // worker), and the prepaid gate would not make this loop wait for Retry-After anyway.
                        throw new ChatDeliveryException(ChatFailureKind.Retryable, error.ToString(), retryIn.Value);
                    }
                }

                if (retryIn is { } wait && attempt >= teams.MaxAttempts)
                {
                    Log.RetriesExhausted(logger, error.ToString(), attempt);
                    // A gateway error (502/504) may come back after the Connector accepted the activity.
                    throw new ChatDeliveryException(ChatFailureKind.Retryable, error.ToString(), wait)
                    {
                        MayHaveArrived = response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout,
                    };
                }

                if (retryIn is { } backoff && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    Log.Retrying(logger, error.ToString(), attempt, backoff);
                    await Task.Delay(backoff, clock, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// Fetches (or reuses) the token before pacing. On a cold start every first call would otherwise pass its pacing,
    /// queue behind the one token request, and reach Teams together: a burst past the tenant's per-second cap.
    /// Best effort: a failure here is met again, and classified, by the call itself. Only for a trusted service URL,
    /// so an untrusted target never even causes a token request.
    /// </summary>
    private async Task WarmTokenAsync(ConnectorTarget target, CancellationToken cancellationToken)
    {
        // Every send but the first in an hour: the handler attaches the cached token anyway, no need to check twice.
        if (tokens.HasFreshToken)
        {
            return;
        }

        try
        {
            var serviceUrl = ServiceUrlTrust.Normalize(target.ServiceUrl);
            if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && await trust.IsTrustedAsync(uri, serviceUrl, cancellationToken))
            {
                await tokens.GetTokenAsync(forceRefresh: false, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is BotTokenException or HttpRequestException)
        {
            Log.TokenWarmUpFailed(logger, ex.GetType().Name);
        }
    }

    private static async Task<HttpResponseMessage> SendOnceAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, cancellationToken);
            }
            catch (UntrustedServiceUrlException ex)
            {
                throw new ChatDeliveryException(ChatFailureKind.Permanent, "untrusted-service-url", inner: ex);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                throw new ChatDeliveryException(ChatFailureKind.Retryable, $"network:{ex.HttpRequestError}", inner: ex);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The request may have reached Teams: resending could duplicate it, so the outcome is reported as unknown.
                throw new ChatDeliveryException(ChatFailureKind.Permanent, TeamsMessenger.UnknownOutcome, inner: ex) { MayHaveArrived = true };
            }
            catch (BotTokenException ex)
            {
                throw new ChatDeliveryException(ChatFailureKind.WorkspaceFatal, "token", inner: ex);
            }
        }
    }

    private async Task<ChatDeliveryException> FailAsync(ConnectorTarget target, ConnectorError error, CancellationToken cancellationToken)
    {
        var kind = error.Status switch
        {
            HttpStatusCode.Forbidden when error.Code == "InvalidBotApiHost" => ChatFailureKind.Permanent,
            HttpStatusCode.Forbidden => ChatFailureKind.Unreachable,
            HttpStatusCode.NotFound when error.Code != "ActivityNotFoundInConversation" && target.ConversationId.Length > 0 => ChatFailureKind.Unreachable,
            HttpStatusCode.Unauthorized => ChatFailureKind.WorkspaceFatal,
            _ => ChatFailureKind.Permanent,
        };
        if (kind == ChatFailureKind.Unreachable && target.ConversationId.Length > 0)
        {
            Log.Unreachable(logger, target.TenantId, error.ToString());
            await references.MarkUnreachableAsync(target.TenantId, ThreadRoot(target.ConversationId), error.ToString(), cancellationToken);
        }

        // A 500 is the Connector failing part-way: the activity may already be in the chat.
        return new ChatDeliveryException(kind, error.ToString()) { MayHaveArrived = error.Status == HttpStatusCode.InternalServerError };
    }

    /// <summary>How long to wait before retrying, or null when this status must not be retried.</summary>
    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt, TeamsOptions teams)
    {
        var status = (int)response.StatusCode;
        if (status == 429 && response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - clock.GetUtcNow()) ?? TimeSpan.Zero;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        if (status is 429 or 412 or 502 or 503 or 504)
        {
            var exponential = teams.RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4);
            return exponential < teams.RetryMaxDelay ? exponential : teams.RetryMaxDelay;
        }

        return null;
    }

    private static string ThreadRoot(string conversationId) =>
        conversationId.IndexOf(';') is var i and > 0 ? conversationId[..i] : conversationId;
}

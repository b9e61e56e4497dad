using System.Net;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using CoachBot.Platforms.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// Pacing, retries and failure classification for Connector calls. Per tenant and per conversation through the
/// PostgreSQL-shared gate (<see cref="TeamsRates"/>); retried by the shared <see cref="SendRetry{TCall}"/> pipeline:
/// 429 honours Retry-After for the whole tenant; 412/502/503/504 back off with jitter; 400/401/403/404/413 are never
/// retried (401 gets one token refresh). 403/404 mark the conversation unreachable.
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
    private SendRetry<Call>? _retry;

    /// <summary>One call's state across its attempts.</summary>
    private sealed class Call(RateSlot? prepaid)
    {
        public RateSlot? Prepaid => prepaid;

        public bool ForceRefresh { get; set; }
    }

    /// <summary>A transient answer: worth another attempt (after <see cref="RetryAfter"/> when the Connector named one).</summary>
    private sealed class TransientAnswer(ConnectorError error, TimeSpan? retryAfter) : Exception(error.ToString())
    {
        public ConnectorError Error => error;

        public TimeSpan? RetryAfter => retryAfter;
    }

    private SendRetry<Call> Retry => _retry ??= new SendRetry<Call>(RetryRules(options.Value), clock);

    /// <summary>
    /// Sends one Connector request. <paramref name="prepaid"/> is the slot a batch reserved for it (a nudge): its first
    /// attempt reserves nothing, and a 429 goes straight back to that batch, which reschedules instead of holding a worker.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        ConnectorTarget target, RateSlot? prepaid, Func<bool, HttpRequestMessage> createRequest, HttpClient http, CancellationToken cancellationToken)
    {
        var teams = options.Value;
        var tenant = TeamsRates.Tenant(teams, target.TenantId);
        RateLimit? conversation = target.ConversationId.Length > 0 ? TeamsRates.Conversation(teams, target.ConversationId) : null;
        var call = new Call(prepaid);
        var attempts = 0;
        await WarmTokenAsync(target, cancellationToken);
        try
        {
            return await Retry.ExecuteAsync(call, async (attempt, ct) =>
            {
                attempts = attempt;
                await gate.PaceAsync(tenant, conversation, prepaid, ct);
                var request = createRequest(call.ForceRefresh);
                if (prepaid is not null)
                {
                    request.Options.Set(BurstGuardHandler.Prepaid, prepaid);
                }

                var response = await SendOnceAsync(http, request, ct);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                using (response)
                {
                    var error = ConnectorError.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
                    if (response.StatusCode == HttpStatusCode.Unauthorized && !call.ForceRefresh)
                    {
                        call.ForceRefresh = true; // an expired or revoked token: refresh once, then it is configuration
                        throw new TransientAnswer(error, TimeSpan.Zero);
                    }

                    if ((int)response.StatusCode is not (429 or 412 or 502 or 503 or 504))
                    {
                        throw await FailAsync(target, error, ct);
                    }

                    if (response.StatusCode != HttpStatusCode.TooManyRequests)
                    {
                        throw new TransientAnswer(error, retryAfter: null);
                    }

                    var wait = RetryAfter(response) ?? Backoff(attempt, teams);
                    Log.Throttled(logger, target.TenantId, wait);
                    await gate.BlockAsync(tenant.Key, wait, ct); // the whole tenant waits, on every instance
                    throw new TransientAnswer(error, wait);
                }
            }, cancellationToken);
        }
        catch (TransientAnswer answer) when (answer.Error.Status == HttpStatusCode.Unauthorized)
        {
            // Only when no attempt is left for the refreshed token.
            throw await FailAsync(target, answer.Error, cancellationToken);
        }
        catch (TransientAnswer answer)
        {
            // Out of attempts, or a prepaid 429 handed back. A gateway error (502/504) may come back after the
            // Connector accepted the activity.
            if (!(prepaid is not null && answer.Error.Status == HttpStatusCode.TooManyRequests))
            {
                Log.RetriesExhausted(logger, answer.Error.ToString(), attempts);
            }

            throw new ChatDeliveryException(ChatFailureKind.Retryable, answer.Error.ToString(), answer.RetryAfter ?? Backoff(attempts, teams))
            {
                MayHaveArrived = answer.Error.Status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout,
            };
        }
    }

    /// <summary>Teams' classification: transient answers retry, except a 429 on a prepaid send (its batch owns the back-off).</summary>
    private SendRetryRules<Call> RetryRules(TeamsOptions teams) => new(
        teams.MaxAttempts, teams.RetryBaseDelay, teams.RetryMaxDelay, Deadline: null,
        ShouldRetry: (failure, call) => failure is TransientAnswer answer
            && !(call.Prepaid is not null && answer.Error.Status == HttpStatusCode.TooManyRequests),
        RetryAfter: failure => (failure as TransientAnswer)?.RetryAfter,
        OnRetry: (failure, attempt, delay) =>
        {
            if (failure is TransientAnswer answer && answer.Error.Status != HttpStatusCode.TooManyRequests)
            {
                Log.Retrying(logger, answer.Error.ToString(), attempt, delay);
            }
        });

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
            await references.MarkUnreachableAsync(target.TenantId, TeamsRates.ThreadRoot(target.ConversationId), error.ToString(), cancellationToken);
        }

        // A 500 is the Connector failing part-way: the activity may already be in the chat.
        return new ChatDeliveryException(kind, error.ToString()) { MayHaveArrived = error.Status == HttpStatusCode.InternalServerError };
    }

    // Seconds or an HTTP date; a past date means "now".
    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter is { } header
        ? header.Delta ?? (header.Date - clock.GetUtcNow() is { } until && until > TimeSpan.Zero ? until : TimeSpan.Zero)
        : null;

    // For a 429 without Retry-After, and the wait a caller is told after the last attempt: base × 2^(n-1), ±20 %, capped.
    private static TimeSpan Backoff(int attempt, TeamsOptions teams)
    {
        var exponential = teams.RetryBaseDelay * Math.Pow(2, Math.Max(0, attempt - 1)) * (0.8 + Random.Shared.NextDouble() * 0.4);
        return exponential < teams.RetryMaxDelay ? exponential : teams.RetryMaxDelay;
    }
}

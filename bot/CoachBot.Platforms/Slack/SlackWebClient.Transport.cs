using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.RateLimiting;
using CoachBot.Platforms.Sending;
using Polly.Timeout;

namespace CoachBot.Platforms.Slack;

// Every Web API method's transport: one attempt per call of SendOnceAsync, retried by the shared SendRetry pipeline
// with Slack's classification (bounded attempts, an overall deadline, Retry-After honoured).
public sealed partial class SlackWebClient
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private SendRetry<CallPolicy>? _retry;

    /// <summary>How one call is paced and retried.</summary>
    private sealed record CallPolicy(string? TeamId, Func<CancellationToken, Task>? Pace = null, string? RateKey = null, bool ResendIsSafe = true)
    {
        /// <summary>A response_url: posted without a token, may answer a plain "ok", and is never logged (it is a capability).</summary>
        public Uri? ResponseUrl { get; init; }

        public bool IsResponseUrl => ResponseUrl is not null;

        /// <summary>Replaces the bearer token (oauth.v2.access authenticates the app itself with HTTP Basic).</summary>
        public AuthenticationHeaderValue? Authorization { get; init; }

        /// <summary>The post's slot, reserved by its batch: that batch then owns the back-off from a 429.</summary>
        public RateSlot? Prepaid { get; init; }
    }

    private Task<JsonObject> CallJsonAsync(string method, JsonObject body, CallPolicy policy, CancellationToken cancellationToken) =>
        CallAsync(method, () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), policy, cancellationToken);

    private Task<JsonObject> CallFormAsync(string method, IEnumerable<KeyValuePair<string, string>> form, CallPolicy policy, CancellationToken cancellationToken) =>
        CallAsync(method, () => new FormUrlEncodedContent(form), policy, cancellationToken);

    private async Task<JsonObject> CallAsync(string method, Func<HttpContent> content, CallPolicy policy, CancellationToken cancellationToken)
    {
        // A response_url answers a request the workspace has just sent, and needs no database (it works in an outage).
        if (!policy.IsResponseUrl && policy.TeamId is { } team && await workspaces.IsDisabledAsync(team, cancellationToken))
        {
            SlackLog.WorkspaceIsDisabled(logger, method, team);
            throw new SlackApiException(method, "workspace_disabled", SlackErrorClass.WorkspaceFatal);
        }

        if (!policy.IsResponseUrl && policy.Authorization is null)
        {
            policy = policy with { Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(method, policy.TeamId, cancellationToken)) };
        }

        var attempts = 0;
        try
        {
            return await Retry.ExecuteAsync(policy, async (attempt, ct) =>
            {
                attempts = attempt;
                if (policy.Pace is { } pace)
                {
                    await pace(ct);
                }

                return await SendOnceAsync(method, content(), policy, attempt, ct);
            }, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.ErrorClass == SlackErrorClass.Retryable)
        {
            SlackLog.GaveUp(logger, method, attempts, ex.Error);
            throw;
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The deadline (or HttpClient's own timeout) ran out; the request may have reached Slack.
            SlackLog.GaveUp(logger, method, attempts, "timeout");
            throw new SlackApiException(method, "timeout", SlackErrorClass.Retryable, inner: ex);
        }
    }

    private SendRetry<CallPolicy> Retry => _retry ??= new SendRetry<CallPolicy>(RetryRules(options.Value), time);

    /// <summary>
    /// Slack's classification: retryable errors are retried when a resend cannot duplicate (a safe method, or Slack
    /// certainly did not act: 429, ratelimited, refused connection); a post that may have landed is handed back to be
    /// reconciled. A 429 on a prepaid post goes back to its batch, which reschedules rather than hold a worker.
    /// </summary>
    private SendRetryRules<CallPolicy> RetryRules(SlackOptions settings) => new(
        settings.MaxAttempts, BaseDelay: TimeSpan.FromMilliseconds(250), MaxDelay: TimeSpan.FromSeconds(8), settings.OverallDeadline,
        ShouldRetry: (failure, call) => failure is SlackApiException { ErrorClass: SlackErrorClass.Retryable } ex
            && (call.ResendIsSafe || ex.NotProcessed)
            && !(ex.RetryAfter is not null && call.Prepaid is not null),
        RetryAfter: failure => (failure as SlackApiException)?.RetryAfter,
        OnRetry: (failure, attempt, _) =>
        {
            if (failure is SlackApiException ex)
            {
                SlackLog.CallFailed(logger, ex.Method, ex.Error, ex.ErrorClass, attempt);
            }
        });

    private async Task<JsonObject> SendOnceAsync(string method, HttpContent content, CallPolicy policy, int attempt, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, policy.ResponseUrl ?? new Uri(method, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = policy.Authorization;
        if (policy.IsResponseUrl)
        {
            request.Options.Set(SlackRequestOptions.CapabilityUrl, true);
        }

        if (policy.Prepaid is { } slot)
        {
            request.Options.Set(BurstGuardHandler.Prepaid, slot);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // Only a failed connect proves Slack never saw the request; anything later may have been processed.
            var neverSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            throw new SlackApiException(method, neverSent ? "connection_failed" : "connection_lost", SlackErrorClass.Retryable, inner: ex)
            {
                NotProcessed = neverSent,
            };
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = RetryAfter(response.Headers.RetryAfter);
                SlackLog.RateLimited(logger, method, policy.TeamId, retryAfter, attempt);
                if (policy.RateKey is { } key)
                {
                    await gate.BlockAsync(key, retryAfter, cancellationToken);
                }

                throw new SlackApiException(method, "ratelimited", SlackErrorClass.Retryable, retryAfter) { NotProcessed = true };
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}", SlackErrorClass.Retryable);
            }

            JsonObject? body;
            try
            {
                body = JsonNode.Parse(await response.Content.ReadAsStreamAsync(cancellationToken)) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }

            if (body is null && policy.IsResponseUrl && response.IsSuccessStatusCode)
            {
                return [];
            }

            if (body is null)
            {
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}_not_json", SlackErrors.ClassifyStatus((int)response.StatusCode));
            }

            if (body.Bool("ok") == true)
            {
                return body;
            }

            var error = body.Str("error") ?? "unknown_error";
            var errorClass = SlackErrors.Classify(error);
            if (errorClass == SlackErrorClass.WorkspaceFatal && policy.TeamId is { } team)
            {
                await workspaces.DisableAsync(team, $"{method}: {error}", CancellationToken.None);
                SlackLog.WorkspaceDisabled(logger, team, method, error);
            }

            // Slack's "ratelimited" in a 200 body was refused outright; other retryable codes may have done the work.
            throw new SlackApiException(method, error, errorClass) { NotProcessed = error is "ratelimited" or "rate_limited" };
        }
    }

    // The workspace's own installed token first; the single-workspace Slack:BotToken serves every team not installed by OAuth.
    private async Task<string> TokenForAsync(string method, string? teamId, CancellationToken cancellationToken)
    {
        var token = teamId is null ? null : await installations.GetTokenAsync(teamId, cancellationToken);
        token ??= options.Value.BotToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new SlackApiException(method, "not_installed", SlackErrorClass.WorkspaceFatal) { NotProcessed = true };
        }

        return token;
    }

    // Slack sends whole seconds; an HTTP date is honoured too, and a missing or past value still pauses briefly.
    private TimeSpan RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date && date - time.GetUtcNow() is var untilDate && untilDate > TimeSpan.Zero ? untilDate : DefaultRetryAfter;
    }
}

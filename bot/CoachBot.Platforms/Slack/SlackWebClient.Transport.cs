using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Platforms.RateLimiting;

namespace CoachBot.Platforms.Slack;

// The retry loop shared by every Web API method: bounded attempts, an overall deadline, Retry-After honoured.
public sealed partial class SlackWebClient
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>How one call is paced and retried.</summary>
    private sealed record CallPolicy(string? TeamId, Func<CancellationToken, Task>? Pace = null, string? RateKey = null, bool ResendIsSafe = true)
    {
        /// <summary>A response_url: posted without a token, may answer a plain "ok", and is never logged (it is a capability).</summary>
        public Uri? ResponseUrl { get; init; }

        public bool IsResponseUrl => ResponseUrl is not null;

        /// <summary>Replaces the bearer token (oauth.v2.access authenticates the app itself with HTTP Basic).</summary>
        public AuthenticationHeaderValue? Authorization { get; init; }
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

        var settings = options.Value;
        using var deadline = new CancellationTokenSource(settings.OverallDeadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var giveUpAt = time.GetUtcNow() + settings.OverallDeadline;
        for (var attempt = 1; ; attempt++)
        {
            SlackApiException failure;
            try
            {
                if (policy.Pace is { } pace)
                {
                    await pace(linked.Token);
                }

                return await SendOnceAsync(method, content(), policy, attempt, linked.Token);
            }
            catch (SlackApiException ex) when (ex.RetryAfter is not null && policy.RateKey is { } key && PrepaidRate.Covers(key))
            {
                // A nudge batch reserved this slot: it owns the back-off (it reschedules rather than hold a worker).
                throw;
            }
            catch (SlackApiException ex) when (ex.ErrorClass == SlackErrorClass.Retryable && (policy.ResendIsSafe || ex.NotProcessed))
            {
                failure = ex;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The deadline (or HttpClient's own timeout) ran out; the request may have reached Slack.
                SlackLog.GaveUp(logger, method, attempt, "timeout");
                throw new SlackApiException(method, "timeout", SlackErrorClass.Retryable, inner: ex);
            }

            SlackLog.CallFailed(logger, method, failure.Error, failure.ErrorClass, attempt);
            var wait = failure.RetryAfter ?? Backoff(attempt);
            if (attempt >= settings.MaxAttempts || time.GetUtcNow() + wait >= giveUpAt)
            {
                SlackLog.GaveUp(logger, method, attempt, failure.Error);
                throw failure;
            }

            await Task.Delay(wait, time, linked.Token);
        }
    }

    private async Task<JsonObject> SendOnceAsync(string method, HttpContent content, CallPolicy policy, int attempt, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, policy.ResponseUrl ?? new Uri(method, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = policy.Authorization;

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

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, attempt - 1), 8000) * (1 + Random.Shared.NextDouble() * 0.2));
}

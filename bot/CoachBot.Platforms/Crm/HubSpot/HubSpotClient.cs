using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoachBot.Coaching.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Crm.HubSpot;

/// <summary>
/// HubSpot's transport: bearer token, one shared <see cref="HubSpotRateGate"/>, short 429s waited out (bounded),
/// network errors and 5xx retried, everything else a <see cref="CrmException"/>. A hand loop rather than a resilience
/// pipeline because every wait must go through the one gate all callers share. A singleton: HttpClients come from the
/// factory per call, so handlers still rotate.
/// </summary>
public sealed class HubSpotClient(IHttpClientFactory http, HubSpotRateGate gate, IOptions<HubSpotOptions> options, TimeProvider clock, ILogger<HubSpotClient> logger)
{
    public const string HttpClientName = "hubspot";

    internal Task<T> GetAsync<T>(CrmConnection connection, string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync<T>(connection, () => new HttpRequestMessage(HttpMethod.Get, pathAndQuery), false, cancellationToken);

    internal Task<T> PostAsync<T>(CrmConnection connection, string path, object body, bool search, CancellationToken cancellationToken) =>
        SendAsync<T>(connection, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: HubSpotJson.Options) },
            search, cancellationToken);

    private async Task<T> SendAsync<T>(CrmConnection connection, Func<HttpRequestMessage> build, bool search, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUri = new Uri((connection.BaseUrl ?? settings.BaseUrl).TrimEnd('/') + "/");
        for (var attempt = 1; ; attempt++)
        {
            await gate.WaitAsync(search, cancellationToken);
            using var request = build();
            request.RequestUri = new Uri(baseUri, request.RequestUri!.OriginalString.TrimStart('/'));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
            HttpResponseMessage response;
            try
            {
                response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < settings.MaxAttempts)
            {
                // Refused or reset before HubSpot answered: these are reads, so asking again is always safe.
                Log.NetworkRetry(logger, ex.HttpRequestError.ToString(), attempt);
                await Task.Delay(settings.RetryBaseDelay * attempt, clock, cancellationToken);
                continue;
            }
            catch (HttpRequestException)
            {
                throw new CrmException(CrmFailure.Unavailable, "HubSpot could not be reached; the next sync tries again.");
            }

            using (response)
            {
                gate.Observe(response.Headers);
                if (response.IsSuccessStatusCode)
                {
                    return (await response.Content.ReadFromJsonAsync<T>(HubSpotJson.Options, cancellationToken))!;
                }

                var error = HubSpotError.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response) ?? settings.Interval;
                    if (error.IsDailyLimit)
                    {
                        throw new CrmException(CrmFailure.LimitReached,
                            "HubSpot's daily API limit for this account is used up; syncing resumes when it renews.", RetryAfter(response) ?? UntilMidnight());
                    }

                    if (attempt >= settings.MaxAttempts || wait > settings.MaxRetryAfter)
                    {
                        throw new CrmException(CrmFailure.LimitReached, "HubSpot keeps answering 429 (rate limit); the sync resumes shortly.", wait);
                    }

                    Log.Throttled(logger, error.PolicyName ?? "unnamed", wait);
                    gate.PauseFor(wait);
                    continue;
                }

                if ((int)response.StatusCode >= 500 && attempt < settings.MaxAttempts)
                {
                    Log.Retrying(logger, (int)response.StatusCode, attempt);
                    await Task.Delay(settings.RetryBaseDelay * attempt, clock, cancellationToken);
                    continue;
                }

                throw error.ToException();
            }
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    // HubSpot renews the daily allowance at midnight in the account's time zone, which the API does not state: UTC
    // midnight is at most a few hours early, and an early run just meets the limit once more.
    private TimeSpan UntilMidnight()
    {
        var now = clock.GetUtcNow();
        return now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime;
    }
}

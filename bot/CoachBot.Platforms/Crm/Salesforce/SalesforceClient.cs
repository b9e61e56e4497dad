using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoachBot.Coaching.Crm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Crm.Salesforce;

/// <summary>
/// SOQL over the REST API: <c>/query?q=</c> and its <c>nextRecordsUrl</c> batches. Reads the org's API usage on every
/// answer and stops once it passes Crm:Salesforce:MaxApiUsageShare; a refused session gets one new token and one retry;
/// network failures and 503s are tried again a few times; anything else is a <see cref="CrmException"/> in words for the admin.
/// </summary>
public sealed class SalesforceClient(
    IHttpClientFactory httpClients, SalesforceTokenSource tokens, IOptions<SalesforceOptions> options, TimeProvider clock, ILogger<SalesforceClient> logger)
{
    public const string HttpClientName = "salesforce";
    private long _stoppedUntilTicks;

    public Task<SalesforceQueryResult<T>> SoqlAsync<T>(string soql, CancellationToken cancellationToken) =>
        SendAsync<T>($"/services/data/{options.Value.ApiVersion}/query?q={Uri.EscapeDataString(soql)}", cancellationToken);

    /// <summary>The batch after one, by the nextRecordsUrl Salesforce gave (a stored page token: only a path on the org's own API is followed).</summary>
    public Task<SalesforceQueryResult<T>> NextAsync<T>(string nextRecordsUrl, CancellationToken cancellationToken) =>
        nextRecordsUrl.StartsWith("/services/data/", StringComparison.Ordinal) && !nextRecordsUrl.Contains("//", StringComparison.Ordinal)
            ? SendAsync<T>(nextRecordsUrl, cancellationToken)
            : throw new CrmException(CrmFailure.Unavailable, "The stored Salesforce page token is not a query URL; the sync starts that read again.");

    private async Task<SalesforceQueryResult<T>> SendAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
    {
        SalesforceSession? refused = null;
        for (var attempt = 1; ; attempt++)
        {
            ThrowIfStopped();
            var session = await tokens.GetAsync(refused, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.InstanceUrl, pathAndQuery));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
            HttpResponseMessage response;
            try
            {
                response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < options.Value.MaxAttempts)
            {
                // A GET that never got an answer: asking again reads the same batch.
                SalesforceLog.NetworkRetry(logger, ex.HttpRequestError.ToString());
                await Task.Delay(options.Value.RetryBaseDelay * attempt, clock, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new CrmException(CrmFailure.Unavailable, $"Salesforce could not be reached ({ex.HttpRequestError}); the next sync tries again.");
            }

            using (response)
            {
                Observe(response);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync<SalesforceQueryResult<T>>(SalesforceJson.Options, cancellationToken)
                        ?? throw new CrmException(CrmFailure.Unavailable, "Salesforce answered a query with an empty body.");
                }

                var error = SalesforceError.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
                if (error.Status == HttpStatusCode.Unauthorized && refused is null)
                {
                    // INVALID_SESSION_ID: the token expired or was revoked; one new token, one retry.
                    SalesforceLog.SessionRefused(logger, error.Code);
                    refused = session;
                    continue;
                }

                if (error.Status == HttpStatusCode.ServiceUnavailable && attempt < options.Value.MaxAttempts)
                {
                    await Task.Delay(options.Value.RetryBaseDelay * attempt, clock, cancellationToken);
                    continue;
                }

                throw Failure(error);
            }
        }
    }

    private void Observe(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues(SalesforceApiUsage.Header, out var values) && SalesforceApiUsage.Parse(values) is { } usage
            && usage.Passes(options.Value.MaxApiUsageShare))
        {
            SalesforceLog.UsageStop(logger, usage.ToString(), options.Value.MaxApiUsageShare);
            StopUntilTomorrow();
        }
    }

    private void ThrowIfStopped()
    {
        var wait = new DateTimeOffset(Interlocked.Read(ref _stoppedUntilTicks), TimeSpan.Zero) - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            throw new CrmException(CrmFailure.LimitReached,
                $"CoachBot has used {options.Value.MaxApiUsageShare:P0} of the org's daily Salesforce API allowance and stops until the next UTC day, so the org's other integrations keep theirs.",
                wait);
        }
    }

    // The allowance is a rolling 24-hour count with no published reset time. Waiting for the next UTC day (at least an
    // hour) lets the window roll on at the cost of one probe call a day, where polling would spend the allowance it waits for.
    private TimeSpan StopUntilTomorrow()
    {
        var now = clock.GetUtcNow();
        var until = now.UtcDateTime.Date.AddDays(1);
        var wait = until - now.UtcDateTime < TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : until - now.UtcDateTime;
        Interlocked.Exchange(ref _stoppedUntilTicks, (now + wait).UtcTicks);
        return wait;
    }

    private Exception Failure(SalesforceError error) => error switch
    {
        { Code: "INVALID_FIELD" or "INVALID_QUERY_LOCATOR" } => new SalesforceQueryException(error),
        { Code: "REQUEST_LIMIT_EXCEEDED" } when error.Message.Contains("Concurrent", StringComparison.OrdinalIgnoreCase) =>
            new CrmException(CrmFailure.LimitReached, "Salesforce has too many long requests running for the org at once; the sync tries again in a minute.", TimeSpan.FromMinutes(1)),
        { Code: "REQUEST_LIMIT_EXCEEDED" } => new CrmException(CrmFailure.LimitReached,
            "The org's daily Salesforce API allowance is used up (REQUEST_LIMIT_EXCEEDED); CoachBot stops until the next UTC day.", StopUntilTomorrow()),
        { Status: HttpStatusCode.Unauthorized } => new CrmException(CrmFailure.Unauthorized,
            $"Salesforce refused CoachBot's session twice ({error.Code}). Check that the connected app is still installed and its run-as user is active."),
        { Code: "INSUFFICIENT_ACCESS" or "INSUFFICIENT_ACCESS_OR_READONLY" or "INVALID_TYPE" or "API_DISABLED_FOR_ORG" or "API_CURRENTLY_DISABLED" }
            or { Status: HttpStatusCode.Forbidden } => new CrmException(CrmFailure.PermissionMissing,
            $"Salesforce's run-as user lacks a permission ({error.Code}: {error.Brief}). It needs API Enabled and Read on Opportunity, User, Task and Event."),
        _ => new CrmException(CrmFailure.Unavailable, $"Salesforce answered {error} ({error.Brief}); the next sync tries again."),
    };
}

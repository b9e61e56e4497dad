using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams.Graph;

/// <summary>
/// The Graph calls that find a user by sign-in name, install CoachBot for them and find the chat it opens. 429/503/504 wait for Retry-After
/// (pausing every caller), a 401 gets one fresh token and one retry; everything else is a <see cref="GraphException"/>.
/// </summary>
public sealed class GraphClient(
    HttpClient http, GraphTokenSource tokens, GraphThrottle throttle, IOptions<TeamsGraphOptions> options, TimeProvider clock, ILogger<GraphClient> logger)
{
    /// <summary>
    /// The directory user with this UPN or object id (Graph takes a UPN where an id goes): 404 is UserNotFound. Needs
    /// User.Read.All; without it Graph answers 403 Authorization_RequestDenied, a PermissionMissing.
    /// </summary>
    public async Task<GraphUser> GetUserAsync(string userPrincipalName, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get,
            $"users/{Escape(userPrincipalName)}?$select=id,displayName,mail,userPrincipalName"), null, cancellationToken);
        var user = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return user?["id"]?.GetValue<string>() is { Length: > 0 } id
            ? new GraphUser(id, Text(user, "displayName"), Text(user, "mail"), Text(user, "userPrincipalName"))
            : throw new GraphException(GraphFailure.Other, "NoUserId", "Graph returned a user without an id.");
    }

    /// <summary>True when this call installed the app, false when it was already installed (409).</summary>
    public async Task<bool> InstallAsync(string userId, CancellationToken cancellationToken)
    {
        var catalogApp = new Uri(new Uri(Base), $"appCatalogs/teamsApps/{Escape(options.Value.TeamsAppId)}").AbsoluteUri;
        var body = new JsonObject { ["teamsApp@odata.bind"] = catalogApp };
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"users/{Escape(userId)}/teamwork/installedApps")
        {
            Content = JsonContent.Create(body),
        }, HttpStatusCode.Conflict, cancellationToken);
        return response.StatusCode != HttpStatusCode.Conflict;
    }

    /// <summary>The id of the user's installation of CoachBot, or null when it is not installed.</summary>
    public async Task<string?> FindInstallationAsync(string userId, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString($"teamsApp/id eq '{options.Value.TeamsAppId}'");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get,
            $"users/{Escape(userId)}/teamwork/installedApps?$expand=teamsApp&$filter={filter}"), null, cancellationToken);
        var page = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return page?["value"]?.AsArray().Select(i => i?["id"]?.GetValue<string>()).FirstOrDefault(id => !string.IsNullOrEmpty(id));
    }

    /// <summary>The 1:1 chat between the user and the bot that the installation created (19:…@unq.gbl.spaces).</summary>
    public async Task<string> GetChatIdAsync(string userId, string installationId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get,
            $"users/{Escape(userId)}/teamwork/installedApps/{Escape(installationId)}/chat"), null, cancellationToken);
        var chat = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return chat?["id"]?.GetValue<string>() is { Length: > 0 } id
            ? id
            : throw new GraphException(GraphFailure.Other, "NoChatId", "Graph returned the installation's chat without an id.");
    }

    private string Base => options.Value.GraphBaseUrl.EndsWith('/') ? options.Value.GraphBaseUrl : options.Value.GraphBaseUrl + "/";

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, HttpStatusCode? alsoFine, CancellationToken cancellationToken)
    {
        var refreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            await throttle.WaitAsync(cancellationToken);
            using var request = build();
            request.RequestUri = new Uri(new Uri(Base), request.RequestUri!.OriginalString);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(refreshed, cancellationToken));
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex) when (attempt < options.Value.MaxAttempts)
            {
                // Connection refused or reset before Graph answered: nothing happened, so asking again is safe.
                GraphLog.NetworkRetry(logger, ex.HttpRequestError.ToString());
                await Task.Delay(options.Value.RetryBaseDelay * attempt, clock, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new GraphException(GraphFailure.Other, ex.HttpRequestError.ToString(), "Graph could not be reached.");
            }

            if (response.IsSuccessStatusCode || response.StatusCode == alsoFine)
            {
                return response;
            }

            using (response)
            {
                var error = GraphError.Parse(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
                if (error.Failure == GraphFailure.Token && !refreshed)
                {
                    // An expired or revoked token (InvalidAuthenticationToken): one fresh token, one retry.
                    refreshed = true;
                    GraphLog.TokenRefused(logger, error.Code);
                    continue;
                }

                if (error.Failure == GraphFailure.Throttled && attempt < options.Value.MaxAttempts && Wait(response, attempt) is { } wait)
                {
                    GraphLog.Throttled(logger, (int)response.StatusCode, wait);
                    throttle.PauseFor(wait);
                    continue;
                }

                throw new GraphException(error.Failure, error.Code, $"Graph answered {error}.");
            }
        }
    }

    private TimeSpan? Wait(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        var named = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : (TimeSpan?)null);
        var wait = named ?? options.Value.RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return wait <= options.Value.MaxRetryAfter ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// The bot's outbound token (client credentials for the Bot Connector scope), cached until five minutes before
/// expiry. One refresh at a time: concurrent senders wait for the same request instead of each asking.
/// </summary>
public sealed class BotTokenClient(IHttpClientFactory httpClients, IOptions<TeamsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string Token, DateTimeOffset RefreshAt)? _cached;

    /// <summary>True while a cached token is good to use, so a caller can skip asking for one ahead of time.</summary>
    public bool HasFreshToken => _cached is { } cached && clock.GetUtcNow() < cached.RefreshAt;

    /// <summary>The token, or null in local no-auth mode (no AppId), where nothing is sent to a real Connector.</summary>
    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var teams = options.Value;
        if (!teams.HasCredentials)
        {
            return null;
        }

        var seen = _cached;
        if (!forceRefresh && seen is { } fresh && clock.GetUtcNow() < fresh.RefreshAt)
        {
            return fresh.Token;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_cached is { } current && !ReferenceEquals(current.Token, seen?.Token) && clock.GetUtcNow() < current.RefreshAt)
            {
                return current.Token;
            }

            var response = await RequestAsync(teams, cancellationToken);
            var lifetime = TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 60));
            var refreshAt = clock.GetUtcNow() + (lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2);
            _cached = (response.AccessToken, refreshAt);
            return response.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<TokenResponse> RequestAsync(TeamsOptions teams, CancellationToken cancellationToken)
    {
        var endpoint = $"{teams.TokenEndpoint.TrimEnd('/')}/{Uri.EscapeDataString(teams.TokenTenant)}/oauth2/v2.0/token";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = teams.AppId,
            ["client_secret"] = teams.AppPassword,
            ["scope"] = TeamsOptions.ConnectorScope,
        });
        using var http = httpClients.CreateClient(nameof(BotTokenClient));
        using var reply = await http.PostAsync(endpoint, form, cancellationToken);
        if (!reply.IsSuccessStatusCode)
        {
            // AADSTS codes (e.g. 700016 = wrong authority for a single-tenant app) are in the body; it holds no secret.
            var detail = await reply.Content.ReadAsStringAsync(cancellationToken);
            throw new BotTokenException($"Token endpoint answered {(int)reply.StatusCode}: {Truncate(detail)}");
        }

        var token = await reply.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token is { AccessToken.Length: > 0 } ? token : throw new BotTokenException("Token endpoint returned no access_token.");
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

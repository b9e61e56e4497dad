using System.Text.Json;
using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

/// <summary>
/// Channel endorsements of the Bot Framework signing keys. JwtBearer validates signatures but ignores the keys
/// document's <c>endorsements</c>, so CoachBot keeps its own copy: refreshed daily and when a kid is unknown.
/// </summary>
internal sealed class BotFrameworkKeys(IHttpClientFactory httpClients, IOptions<TeamsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinRefreshGap = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Dictionary<string, string[]> _endorsements = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async Task<bool> IsEndorsedAsync(string kid, string channelId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _fetchedAt > MaxAge || (!_endorsements.ContainsKey(kid) && now - _fetchedAt > MinRefreshGap))
        {
            await RefreshAsync(cancellationToken);
        }

        return _endorsements.TryGetValue(kid, out var channels) && channels.Contains(channelId, StringComparer.Ordinal);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            using var http = httpClients.CreateClient(nameof(BotFrameworkKeys));
            using var metadata = JsonDocument.Parse(await http.GetStringAsync(options.Value.OpenIdMetadataUrl, cancellationToken));
            var jwksUri = metadata.RootElement.GetProperty("jwks_uri").GetString()!;
            using var keys = JsonDocument.Parse(await http.GetStringAsync(jwksUri, cancellationToken));
            _endorsements = keys.RootElement.GetProperty("keys").EnumerateArray()
                .Where(k => k.TryGetProperty("kid", out _))
                .ToDictionary(
                    k => k.GetProperty("kid").GetString()!,
                    k => k.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
                        ? [.. e.EnumerateArray().Select(x => x.GetString() ?? "")]
                        : Array.Empty<string>());
            _fetchedAt = clock.GetUtcNow();
        }
        finally
        {
            _refresh.Release();
        }
    }
}

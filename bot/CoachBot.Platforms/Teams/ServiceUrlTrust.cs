using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CoachBot.Platforms.Teams;

/// <summary>
/// Decides whether the bot token may be sent to a URL: only under a service URL that arrived in a validated activity
/// (stored by any instance) or is configured. Without an AppId (local trials) only loopback service URLs qualify;
/// with one, https URLs (plain http only on loopback, where test doubles and the Agents Playground listen).
/// </summary>
public sealed class ServiceUrlTrust(ConversationReferenceStore store, IOptions<TeamsOptions> options)
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.OrdinalIgnoreCase);

    public static string Normalize(string serviceUrl) => serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";

    /// <summary>For a service URL just seen in a validated activity, before it is stored.</summary>
    public bool MayStore(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (options.Value.HasCredentials && uri.Scheme == Uri.UriSchemeHttps));

    public void Remember(string serviceUrl) => _known[Normalize(serviceUrl)] = true;

    public async Task<bool> IsTrustedAsync(Uri requestUri, string serviceUrl, CancellationToken cancellationToken)
    {
        var baseUrl = Normalize(serviceUrl);
        if (!MayStore(baseUrl) || !requestUri.AbsoluteUri.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (_known.ContainsKey(baseUrl) || options.Value.AllowedServiceUrls.Any(u => string.Equals(Normalize(u), baseUrl, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Stored as received (the Playground's has no trailing slash), so ask for both spellings.
        var known = await store.IsKnownServiceUrlAsync(baseUrl, cancellationToken)
            || await store.IsKnownServiceUrlAsync(baseUrl.TrimEnd('/'), cancellationToken);
        if (known)
        {
            Remember(baseUrl);
        }

        return known;
    }
}

using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CoachBot.Jobs.Hosting;
using Hangfire.Dashboard;

namespace CoachBot.Bot.Jobs;

/// <summary>
/// Lets into the Hangfire dashboard only callers presenting the admin or viewer key, as a bearer token or as the
/// password of HTTP Basic (so a browser can prompt). Keys are compared in constant time over their SHA-256 digests.
/// </summary>
internal sealed class DashboardKeyFilter(Func<JobsOptions> options) : IDashboardAuthorizationFilter
{
    private const string RoleItem = "coachbot.dashboard.role";
    private readonly Lazy<(byte[] Admin, byte[]? Viewer)> _keys = new(() =>
    {
        var jobs = options();
        return (Digest(jobs.DashboardAdminKey!), string.IsNullOrEmpty(jobs.DashboardViewerKey) ? null : Digest(jobs.DashboardViewerKey));
    });

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (RoleOf(http.Request.Headers.Authorization.ToString()) is { } role)
        {
            http.Items[RoleItem] = role;
            return true;
        }

        // Hangfire answers 401; the challenge makes browsers ask for the key.
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"CoachBot jobs\", charset=\"UTF-8\"";
        return false;
    }

    /// <summary>"admin" or "viewer" for a header presenting that key; null otherwise. Also guards /metrics.</summary>
    public string? RoleOf(string authorizationHeader)
    {
        if (PresentedKey(authorizationHeader) is not { } presented)
        {
            return null;
        }

        var digest = Digest(presented);
        var (admin, viewer) = _keys.Value;
        if (CryptographicOperations.FixedTimeEquals(digest, admin))
        {
            return "admin";
        }

        return viewer is not null && CryptographicOperations.FixedTimeEquals(digest, viewer) ? "viewer" : null;
    }

    public static bool IsReadOnly(DashboardContext context) => context.GetHttpContext().Items[RoleItem] as string != "admin";

    private static string? PresentedKey(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || string.IsNullOrEmpty(value.Parameter))
        {
            return null;
        }

        if (value.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return value.Parameter;
        }

        if (!value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

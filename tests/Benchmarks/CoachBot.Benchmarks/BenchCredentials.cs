using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Benchmarks;

/// <summary>The credentials the fakes accept and the worker is configured with: per-workspace Slack bot tokens, the Teams app.</summary>
internal static class BenchCredentials
{
    public const string TeamsAppId = "00000000-0000-0000-0000-00000000b0b0";
    public const string TeamsAppPassword = "benchmark-app-password";
    private const string SlackTokenPrefix = "xoxb-";
    private const string SlackTokenSuffix = "-benchmark";

    public static string SlackToken(string teamId) => $"{SlackTokenPrefix}{teamId}{SlackTokenSuffix}";

    /// <summary>The workspace a bearer token belongs to, or null for anything the fake never issued.</summary>
    public static string? SlackTeamOf(string authorization)
    {
        const string Bearer = "Bearer ";
        if (!authorization.StartsWith(Bearer + SlackTokenPrefix, StringComparison.Ordinal) || !authorization.EndsWith(SlackTokenSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        return authorization[(Bearer.Length + SlackTokenPrefix.Length)..^SlackTokenSuffix.Length];
    }

    public static bool SameSecret(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    /// <summary>Personal conversation ids carry the tenant and rep ("a:{tenant}_{rep}") so the fake can cap per tenant.</summary>
    public static string TeamsConversationId(string tenantId, string repId) => $"a:{tenantId}_{repId}";

    public static (string TenantId, string RepId)? ParseTeamsConversationId(string conversationId)
    {
        var split = conversationId.LastIndexOf('_');
        return conversationId.StartsWith("a:", StringComparison.Ordinal) && split > 2
            ? (conversationId[2..split], conversationId[(split + 1)..])
            : null;
    }
}

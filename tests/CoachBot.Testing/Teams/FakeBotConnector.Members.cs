using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Teams;

// GET v3/conversations/{conversation}/members/{member}: the member's profile, as the Connector answers it (email included).
public sealed partial class FakeBotConnector
{
    /// <summary>A member the Connector knows by their display name alone (a one-word name, or no email, as guests have).</summary>
    public void AddMember(string userId, string aadObjectId, string name, string? email)
    {
        var member = new JsonObject
        {
            ["id"] = userId,
            ["name"] = name,
            ["aadObjectId"] = aadObjectId,
            ["objectId"] = aadObjectId,
            ["email"] = email,
            ["userPrincipalName"] = email?.ToLowerInvariant(),
            ["tenantId"] = TeamsActivities.Tenant,
            ["userRole"] = "user",
        };
        _members[userId] = member;
        _members[aadObjectId] = member;
    }

    private IResult? MemberAnswer(string path)
    {
        if (MemberPath().Match(path) is not { Success: true } match)
        {
            return null;
        }

        return _members.TryGetValue(match.Groups["member"].Value, out var member)
            ? Results.Json(member)
            : Results.Json(new { error = new { code = "MemberNotFoundInConversation", message = "The member is not in this conversation." } }, statusCode: 404);
    }

    [GeneratedRegex("^/v3/conversations/[^/]+/members/(?<member>[^/]+)$")]
    private static partial Regex MemberPath();
}

using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Teams;

// GET v3/conversations/{conversation}/members/{member}: the member's profile, as the Connector answers it (email included).
public sealed partial class FakeBotConnector
{
    private readonly ConcurrentDictionary<string, TeamsMemberJson> _members = new();

    /// <summary>A member the Connector knows, found by their 29: id or AAD object id.</summary>
    public void AddMember(string userId, string aadObjectId, string name, string? email)
    {
        var member = new TeamsMemberJson(userId, name, aadObjectId, email, email, name.Split(' ')[0], name.Split(' ')[^1]);
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

    private sealed record TeamsMemberJson(string id, string name, string aadObjectId, string? email, string? userPrincipalName, string givenName, string surname);
}

using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Testing.Slack;
using CoachBot.Testing.Teams;

namespace CoachBot.Bot.Tests.Fuzz;

/// <summary>
/// Valid requests for every endpoint, freshly built (new ids, so dedupe does not hide anything), then mutated from one seed:
/// the body (JSON or form), the framing (content type, chunked, broken chunks, oversize) and, rarely, the credentials.
/// </summary>
public sealed class FuzzCorpus(Random random, string serviceUrl, Uri responseUrl)
{
    public const string AdminKey = "fuzz-admin-key-0123456789abcdef";
    public const string ViewerKey = "fuzz-viewer-key-0123456789abcdef";
    public const string StatePlaceholder = "{state}";
    public const string CookiePlaceholder = "{cookie}";

    private static readonly string[] QueryValues =
        ["abc", "", "%00", "a%00b", "%FF%FE", "%ED%A0%80", "%F0%9F%91%8B", "%E2%80%AE", "%3Cscript%3E", "%", "%zz", new('q', 3_000), new('q', 9_000), "access_denied", "bogus"];

    private readonly JsonMutator _json = new(random);
    private readonly FormMutator _form = new(random);

    public FuzzCase SlackEvent()
    {
        var user = "U0ANA";
        JsonObject envelope = random.Next(10) switch
        {
            0 => new() { ["type"] = "url_verification", ["token"] = "x", ["challenge"] = "challenge-" + random.Next() },
            1 => new() { ["type"] = "app_rate_limited", ["team_id"] = SlackPayloads.Team, ["minute_rate_limited"] = 1518467820 },
            2 => SlackPayloads.EventCallback(SlackPayloads.AppMention(user, "C0GENERAL", $"<@{FakeSlackServer.BotUserId}> how am I doing?")),
            3 => SlackPayloads.EventCallback(SlackPayloads.AppMention(user, SlackApplication.ManagerChannel, $"<@{FakeSlackServer.BotUserId}> ack E-1")),
            4 => SlackPayloads.EventCallback(SlackPayloads.HomeOpened(user)),
            5 => SlackPayloads.EventCallback(SlackPayloads.MemberJoined("U0NEW", SlackApplication.ManagerChannel)),
            _ => SlackPayloads.EventCallback(SlackPayloads.DirectMessage(user, "I booked two meetings today")),
        };
        var (body, mutation) = _json.Mutate(envelope);
        return Framed(new FuzzCase("slack events", mutation, HttpMethod.Post, "/slack/events", body, SlackTestClient.Json) { SignForSlack = true });
    }

    public FuzzCase SlackCommand()
    {
        var text = new[] { "help", "stats", "schedule", "ack E-1", "", "brief" }[random.Next(6)];
        var (body, mutation) = _form.Mutate(SlackPayloads.Command("U0ANA", text, responseUrl));
        return Framed(new FuzzCase("slack commands", $"/coach {text}: {mutation}", HttpMethod.Post, "/slack/commands", body, SlackTestClient.Form) { SignForSlack = true });
    }

    public FuzzCase SlackInteraction()
    {
        var actionId = new[] { "nudge.done", "nudge.help", "nudge.snooze#2", "home.style", "bogus.action" }[random.Next(5)];
        var payload = SlackPayloads.BlockActions("U0ANA", "D0ANA", "1772442000.000100", actionId, "d-" + random.Next(100));
        var (body, mutation) = _form.Mutate([new("payload", payload.ToJsonString())], () => _json.Mutate(payload));
        return Framed(new FuzzCase("slack interactions", mutation, HttpMethod.Post, "/slack/interactions", body, SlackTestClient.Form) { SignForSlack = true });
    }

    public FuzzCase Teams(string endpoint, string? token)
    {
        var activities = new TeamsActivities(serviceUrl);
        var activity = random.Next(8) switch
        {
            0 => activities.ChannelMention("ack E-1"),
            1 => activities.Submit("nudge.done", "d-1", "1700000000001"),
            2 => activities.Invoke("nudge.done", "d-1", "1700000000001"),
            3 => activities.PersonalInstall(),
            4 => activities.PersonalMembersAdded(),
            5 => activities.Reaction(),
            _ => activities.PersonalMessage("I booked two meetings today"),
        };
        var (body, mutation) = _json.Mutate(activity);
        var authorization = token is null ? null : $"Bearer {token}";
        if (token is not null && random.Next(25) == 0)
        {
            (authorization, var what) = random.Next(3) switch
            {
                0 => ((string?)null, "no token"),
                1 => ($"Bearer {token[..^5]}", "truncated token"),
                _ => ($"Bearer {token}x", "altered token"),
            };
            mutation += $", {what}";
        }

        return Framed(new FuzzCase(endpoint, mutation, HttpMethod.Post, "/api/messages", body, "application/json") { Authorization = authorization });
    }

    public FuzzCase Install()
    {
        var query = random.Next(3) == 0 ? "" : "?" + Query("team", "scope", "redirect_uri", "state");
        var cookie = random.Next(5) == 0 ? $"coachbot_slack_state={Pick(QueryValues)}" : null;
        return new FuzzCase("slack install", $"query '{Short(query)}'", HttpMethod.Get, "/slack/install" + query) { Cookie = cookie };
    }

    public FuzzCase OAuthRedirect()
    {
        if (random.Next(3) == 0)
        {
            // A real state and cookie from a fresh /slack/install, with the code (or error) mutated.
            var tail = random.Next(2) == 0 ? $"&code={Pick(QueryValues)}" : $"&error={Pick(QueryValues)}";
            var cookie = random.Next(4) == 0 ? $"coachbot_slack_state={Pick(QueryValues)}" : CookiePlaceholder;
            return new FuzzCase("slack oauth_redirect", $"real state, '{Short(tail)}', cookie {(cookie == CookiePlaceholder ? "real" : "junk")}", HttpMethod.Get,
                $"/slack/oauth_redirect?state={StatePlaceholder}{tail}") { Cookie = cookie };
        }

        var query = Query("state", "code", "error", "state");
        return new FuzzCase("slack oauth_redirect", $"query '{Short(query)}'", HttpMethod.Get, "/slack/oauth_redirect?" + query)
        {
            Cookie = random.Next(3) == 0 ? $"coachbot_slack_state={Pick(QueryValues)}" : null,
        };
    }

    public FuzzCase Dashboard()
    {
        var path = Pick("/hangfire", "/hangfire/", "/hangfire/jobs/enqueued", "/hangfire/jobs/failed", "/hangfire/recurring", "/hangfire/servers",
            "/hangfire/jobs/details/1", "/hangfire/jobs/details/%00", "/hangfire/jobs/details/" + new string('9', 3_000), "/hangfire/stats",
            "/hangfire/recurring/trigger", "/hangfire/jobs/enqueued/delete", "/hangfire/css%FF", "/hangfire/retries?from=-1&count=999999999");
        var (authorization, who) = random.Next(8) switch
        {
            0 => ((string?)null, "no credentials"),
            1 => (Basic($"ops:{AdminKey}"), "admin"),
            2 => (Basic($"ops:{ViewerKey}"), "viewer"),
            3 => ($"Bearer {AdminKey}", "admin bearer"),
            4 => ("Basic !!!not-base64", "bad base64"),
            5 => (Basic("no-colon"), "no colon"),
            6 => ($"Bearer {new string('k', 5_000)}", "huge bearer"),
            _ => (Basic($"ops:{AdminKey}x"), "wrong key"),
        };
        var post = path.EndsWith("/stats", StringComparison.Ordinal) || path.EndsWith("/trigger", StringComparison.Ordinal) || path.EndsWith("/delete", StringComparison.Ordinal) || random.Next(6) == 0;
        var form = Encoding.UTF8.GetBytes(Pick("metrics[]=stats:succeeded&metrics[]=stats:failed", "jobs[]=bogus", "jobs[]=" + new string('j', 3_000), "jobs[]=%00", "%FF=%FF", ""));
        var request = new FuzzCase("hangfire dashboard", $"{(post ? "POST" : "GET")} {Short(path)} as {who}", post ? HttpMethod.Post : HttpMethod.Get, path,
            post ? form : null, post ? "application/x-www-form-urlencoded" : null) { Authorization = authorization };
        return post ? Framed(request) : request;
    }

    public FuzzCase Health()
    {
        var path = Pick("/healthz", "/readyz", "/healthz?x=%00", "/readyz?" + new string('r', 3_000), "/healthz/%FF");
        var method = random.Next(5) == 0 ? Pick(HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Head, HttpMethod.Options) : HttpMethod.Get;
        return new FuzzCase("health", $"{method} {Short(path)}", method, path, method == HttpMethod.Post ? [1, 2, 3] : null, method == HttpMethod.Post ? "application/json" : null);
    }

    // Framing mutations on top of the body's: another content type, chunked (valid or broken), an oversized body, a bad signature.
    private FuzzCase Framed(FuzzCase request)
    {
        switch (random.Next(100))
        {
            case < 4:
                var type = Pick<string?>(null, "text/plain", "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "*/*");
                return request.With($"content type {type ?? "missing"}") with { ContentType = type };
            case < 7:
                return request.With("chunked") with { Chunked = true };
            case < 8:
                return request.With("broken chunks") with { BrokenChunks = true };
            case < 9 when random.Next(3) == 0:
                return request.With("1.1 MB body") with { Body = [.. request.Body ?? [], .. Enumerable.Repeat((byte)' ', 1_100_000)] };
            case < 11 when request.SignForSlack:
                return request.With("unsigned") with { SignForSlack = false };
            default:
                return request;
        }
    }

    private string Query(params string[] keys) =>
        string.Join('&', Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"{Pick(keys)}={Pick(QueryValues)}"));

    private T Pick<T>(params T[] items) => items[random.Next(items.Length)];

    private static string Basic(string credentials) => $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))}";

    private static string Short(string text) => text.Length > 60 ? $"{text[..60]}…({text.Length})" : text;
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.Slack;

// The methods CoachBot calls, answered the way Slack answers them.
public sealed partial class FakeSlackServer
{
    private async Task HandleApiAsync(HttpContext context, string method)
    {
        var args = await ReadArgsAsync(context.Request);
        var authorization = context.Request.Headers.Authorization.ToString();
        _calls.Enqueue(new SlackCall(method, args, authorization, context.Request.ContentType ?? "", DateTimeOffset.UtcNow));
        if (!await WaitIfHeldAsync(method, context))
        {
            return;
        }

        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            await scripted(context);
            return;
        }

        if (method == "apps.connections.open")
        {
            await WriteAsync(context, OpenConnection(authorization));
            return;
        }

        if (method == "oauth.v2.access")
        {
            await WriteAsync(context, Exchange(args, authorization));
            return;
        }

        if (authorization.Length == 0)
        {
            await WriteAsync(context, Error("not_authed"));
            return;
        }

        if (GrantFor(authorization) is not { } grant)
        {
            await WriteAsync(context, Error("invalid_auth"));
            return;
        }

        await WriteAsync(context, method == "auth.test"
            ? Ok(new() { ["team_id"] = grant.TeamId, ["user_id"] = grant.BotUserId, ["bot_id"] = grant.BotId, ["url"] = "https://fake.slack.com/" })
            : Answer(method, args));
    }

    private async Task HandleResponseUrlAsync(HttpContext context, string id)
    {
        var args = await ReadArgsAsync(context.Request);
        _calls.Enqueue(new SlackCall("response_url", args, context.Request.Headers.Authorization.ToString(), context.Request.ContentType ?? "", DateTimeOffset.UtcNow) { Hook = id });
        if (_scripted.TryGetValue("response_url", out var queue) && queue.TryDequeue(out var scripted))
        {
            await scripted(context);
            return;
        }

        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync("ok");
    }

    private JsonObject Answer(string method, JsonObject args) => method switch
    {
        "chat.postMessage" => PostMessage(args),
        "chat.postEphemeral" => Ok(new() { ["message_ts"] = NextTs() }),
        "chat.update" => Ok(new() { ["channel"] = Str(args, "channel"), ["ts"] = Str(args, "ts") }),
        "users.info" => _users.TryGetValue(Str(args, "user"), out var user) ? Ok(new() { ["user"] = user.DeepClone() }) : Error("user_not_found"),
        "conversations.open" => Ok(new() { ["channel"] = _history.ContainsKey(DirectChannel(Str(args, "users"))) ? new JsonObject { ["id"] = DirectChannel(Str(args, "users")) } : null }),
        "conversations.history" => History(args),
        "conversations.members" => _members.TryGetValue(Str(args, "channel"), out var members)
            ? Ok(new() { ["members"] = new JsonArray([.. members.Select(m => JsonValue.Create(m))]), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } })
            : Error("channel_not_found"),
        "conversations.kick" or "views.publish" => Ok([]),
        _ => Error("unknown_method"),
    };

    private JsonObject PostMessage(JsonObject args)
    {
        var target = Str(args, "channel");
        if (target.Length == 0)
        {
            return Error("channel_not_found");
        }

        // Posting to a user id lands in the bot's DM with them, as Slack does.
        var channel = target.StartsWith('U') || target.StartsWith('W') ? DirectChannel(target) : target;
        var message = new JsonObject { ["type"] = "message", ["ts"] = NextTs(), ["text"] = Str(args, "text"), ["bot_id"] = BotId, ["user"] = BotUserId };
        if (args["metadata"] is JsonObject metadata)
        {
            message["metadata"] = metadata.DeepClone();
        }

        // Form posts carry blocks as a JSON string, JSON posts as an array; history returns them parsed, as Slack does.
        if (args["blocks"] is JsonNode blocks)
        {
            message["blocks"] = blocks is JsonValue text && text.TryGetValue<string>(out var json) ? JsonNode.Parse(json) : blocks.DeepClone();
        }

        var history = _history.GetOrAdd(channel, _ => []);
        lock (history)
        {
            history.Add(message);
        }

        return Ok(new() { ["channel"] = channel, ["ts"] = message["ts"]!.GetValue<string>(), ["message"] = message.DeepClone() });
    }

    private JsonObject History(JsonObject args)
    {
        if (!_history.TryGetValue(Str(args, "channel"), out var history))
        {
            return Error("channel_not_found");
        }

        var oldest = decimal.Parse(Str(args, "oldest") is { Length: > 0 } o ? o : "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(Str(args, "limit") is { Length: > 0 } l ? l : "100", CultureInfo.InvariantCulture);
        var skip = int.Parse(Str(args, "cursor") is { Length: > 0 } c ? c : "0", CultureInfo.InvariantCulture);
        var withMetadata = Str(args, "include_all_metadata") == "true";
        List<JsonObject> page;
        int total;
        lock (history)
        {
            var matching = history.Where(m => decimal.Parse(m["ts"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= oldest).Reverse().ToList();
            total = matching.Count;
            page = [.. matching.Skip(skip).Take(limit).Select(m => (JsonObject)m.DeepClone())];
        }

        if (!withMetadata)
        {
            page.ForEach(m => m.Remove("metadata"));
        }

        var next = skip + page.Count < total ? (skip + page.Count).ToString(CultureInfo.InvariantCulture) : "";
        return Ok(new() { ["messages"] = new JsonArray([.. page]), ["has_more"] = next.Length > 0, ["response_metadata"] = new JsonObject { ["next_cursor"] = next } });
    }

    /// <summary>The messages posted to a channel (a user id means their DM), oldest first, with their ts and blocks.</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channel)
    {
        var id = channel.StartsWith('U') || channel.StartsWith('W') ? DirectChannel(channel) : channel;
        if (!_history.TryGetValue(id, out var history))
        {
            return [];
        }

        lock (history)
        {
            return [.. history.Select(m => m.DeepClone().AsObject())];
        }
    }

    public static string DirectChannel(string userId) => "D" + userId[1..];

    private static async Task<JsonObject> ReadArgsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return new JsonObject(form.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value.ToString()))));
        }

        return JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject ?? [];
    }

    private static string Str(JsonObject args, string name) => args[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static JsonObject Ok(JsonObject fields)
    {
        fields["ok"] = true;
        return fields;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}

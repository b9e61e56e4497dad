using System.Text.Json.Nodes;

namespace CoachBot.LocalWorkspace.State;

/// <summary>The App Home view published for each person (views.publish), with Slack's id and hash.</summary>
public sealed class HomeViews(ChangeFeed feed, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _views = [];

    public JsonObject Publish(string userId, JsonObject view, DemoIds ids)
    {
        lock (_gate)
        {
            view["id"] = _views.GetValueOrDefault(userId)?["id"]?.DeepClone() ?? $"V0HOME{userId[1..]}";
            view["hash"] = $"{time.GetUtcNow().ToUnixTimeMilliseconds()}.{Random.Shared.Next():x8}";
            view["team_id"] = ids.TeamId;
            view["app_id"] = ids.AppId;
            view["bot_id"] = ids.BotId;
            _views[userId] = view;
        }

        feed.Notify();
        return (JsonObject)view.DeepClone();
    }

    public Dictionary<string, JsonObject> Export()
    {
        lock (_gate)
        {
            return _views.ToDictionary(kv => kv.Key, kv => kv.Value.DeepClone().AsObject());
        }
    }

    public void Import(IReadOnlyDictionary<string, JsonObject>? views)
    {
        lock (_gate)
        {
            _views.Clear();
            foreach (var (user, view) in views ?? new Dictionary<string, JsonObject>())
            {
                _views[user] = view;
            }
        }
    }

    public JsonObject? For(string userId)
    {
        lock (_gate)
        {
            return _views.GetValueOrDefault(userId)?.DeepClone() as JsonObject;
        }
    }
}

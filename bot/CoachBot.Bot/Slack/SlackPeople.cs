using System.Collections.Concurrent;
using CoachBot.Coaching.Chat;
using CoachBot.Platforms.Slack;

namespace CoachBot.Bot.Slack;

/// <summary>Describes a Slack user to the core (name, email, time zone) from a cached users.info.</summary>
internal sealed class SlackPeople(TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<(string Team, string User), (SlackUser User, DateTimeOffset At)> _cache = new();

    public async Task<Sender> GetSenderAsync(SlackWebClient slack, string teamId, string userId, CancellationToken cancellationToken)
    {
        var key = new PersonKey(ChatPlatform.Slack, teamId, userId);
        if (!_cache.TryGetValue((teamId, userId), out var cached) || time.GetUtcNow() - cached.At > CacheFor)
        {
            try
            {
                cached = (await slack.GetUserAsync(teamId, userId, cancellationToken), time.GetUtcNow());
                _cache[(teamId, userId)] = cached;
            }
            catch (SlackApiException ex) when (ex.ErrorClass != SlackErrorClass.WorkspaceFatal)
            {
                // A profile refresh is not worth failing the person's request for.
                return new Sender(key, "");
            }
        }

        var user = cached.User;
        return new Sender(key, user.DisplayName, user.Email, user.TimeZone, user.Locale);
    }
}

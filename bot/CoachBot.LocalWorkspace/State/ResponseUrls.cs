using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CoachBot.LocalWorkspace.State;

/// <summary>
/// The response_url webhooks handed out with slash commands and interactions. Like Slack's, each is valid for
/// 30 minutes and 5 uses, and is tied to the channel, the user and (for interactions) the clicked message.
/// </summary>
public sealed class ResponseUrls(SelfUrl self, TimeProvider time)
{
    private const int MaxUses = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<string, Hook> _hooks = new();

    public Uri Create(string channel, string user, string? messageTs)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _hooks[token] = new Hook(channel, user, messageTs, time.GetUtcNow() + Lifetime);
        return new Uri(self.Value, $"hooks/{token}");
    }

    public Hook? Use(string token)
    {
        if (!_hooks.TryGetValue(token, out var hook) || hook.ExpiresAt < time.GetUtcNow())
        {
            return null;
        }

        return hook.TakeUse() <= MaxUses ? hook : null;
    }

    public sealed class Hook(string channel, string user, string? messageTs, DateTimeOffset expiresAt)
    {
        private int _uses;

        public string Channel { get; } = channel;
        public string User { get; } = user;
        public string? MessageTs { get; } = messageTs;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public int TakeUse() => Interlocked.Increment(ref _uses);
    }
}

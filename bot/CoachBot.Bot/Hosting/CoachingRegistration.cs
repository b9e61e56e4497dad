using CoachBot.Coaching;
using CoachBot.Coaching.Chat;
using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Crm.Coaching;
using CoachBot.Coaching.Nudges;
using CoachBot.Coaching.People;
using CoachBot.Platforms.Slack;
using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Hosting;

public static class CoachingRegistration
{
    /// <summary>The coaching core: settings (checked at start), the nudge library, the rep conversation and the one inbox both platforms call.</summary>
    public static WebApplicationBuilder AddCoaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoachingOptions>()
            .BindConfiguration(CoachingOptions.Section)
            .ValidateOnStart();
        builder.Services.AddNudgeLibrary();
        builder.Services.AddRepConversation();
        // Deal-aware coaching: the observers the CRM sync job calls after each run.
        builder.Services.AddCrmCoaching();
        builder.Services.AddSingleton<AdminBootstrap>();
        builder.Services.AddSingleton(s => new ManagerChannelSettings(new Dictionary<ChatPlatform, string?>
        {
            [ChatPlatform.Slack] = s.GetRequiredService<IOptions<SlackOptions>>().Value.ManagerChannelId,
            [ChatPlatform.Teams] = s.GetRequiredService<IOptions<TeamsOptions>>().Value.ManagerChannelId,
        }));
        // Without it the people cache stays off (correct, one registration round trip per request).
        builder.Services.AddHostedService<PeopleCacheListener>();
        builder.Services.AddSingleton<CoachingInbox>();
        builder.Services.AddSingleton<ICoachingInbox>(s => s.GetRequiredService<CoachingInbox>());
        return builder;
    }
}

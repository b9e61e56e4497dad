using CoachBot.Coaching;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Bot.Hosting;

public static class CoachingRegistration
{
    /// <summary>The coaching core: settings from the "Coaching" section (checked at start) and the nudge library.</summary>
    public static WebApplicationBuilder AddCoaching(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoachingOptions>()
            .BindConfiguration(CoachingOptions.Section)
            .ValidateOnStart();
        builder.Services.AddNudgeLibrary();
        return builder;
    }
}

namespace CoachBot.Jobs.Hosting;

// Hangfire serves queues alphabetically, so names order them: dispatch ticks before sends before the rest.
public static class JobQueues
{
    public const string Dispatch = "a_dispatch";
    public const string Send = "b_send";
    public const string Default = "default";

    public static readonly string[] All = [Dispatch, Send, Default];
}

using System.Diagnostics;
using CoachBot.Coaching.Telemetry;
using Hangfire.Server;

namespace CoachBot.Bot.Telemetry;

/// <summary>One span per Hangfire job run, named for the job's class and method; its arguments (ids) are not copied.</summary>
internal sealed class JobActivityFilter : IServerFilter
{
    private const string Item = "coachbot.activity";

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var activity = CoachBotActivities.Source.StartActivity($"{job.Type.Name}.{job.Method.Name}", ActivityKind.Internal);
        activity?.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        activity?.SetTag("hangfire.job.type", job.Type.Name);
        context.Items[Item] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(Item, out var value) && value is Activity activity)
        {
            if (context.Exception is { } failure)
            {
                activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            }

            activity.Dispose();
        }
    }
}

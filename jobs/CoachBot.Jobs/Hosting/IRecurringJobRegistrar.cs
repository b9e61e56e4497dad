namespace CoachBot.Jobs.Hosting;

/// <summary>Something that registers recurring jobs; run at start and again when Hangfire's schema had to be rebuilt.</summary>
public interface IRecurringJobRegistrar
{
    void RegisterRecurringJobs();
}

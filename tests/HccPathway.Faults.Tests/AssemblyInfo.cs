// The fault tests start real processes and restart servers; one class at a time keeps their timing honest on 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

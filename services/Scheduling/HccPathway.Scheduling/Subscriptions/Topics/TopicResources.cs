using Hl7.Fhir.Model;

namespace HccPathway.Scheduling.Subscriptions.Topics;

/// <summary>
/// Topics as R4 has no SubscriptionTopic resource: a Basic resource carrying the R5 cross-version extensions, the way
/// the Subscriptions R5 Backport IG publishes its R4 topics.
/// </summary>
public static class TopicResources
{
    private const string R5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.";
    private const string R4B = "http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.";

    public static Basic ToBasic(PlanItemTopic topic, SubscriptionOptions options)
    {
        var basic = new Basic
        {
            Id = topic.Code,
            Code = new CodeableConcept("http://hl7.org/fhir/fhir-types", "SubscriptionTopic"),
        };
        basic.ModifierExtension.Add(new Extension(R5 + "status", new Code("active")));
        basic.Extension.Add(new Extension(R5 + "url", new FhirUri(topic.Url(options))));
        basic.Extension.Add(new Extension(R5 + "name", new FhirString(topic.Code)));
        basic.Extension.Add(new Extension(R5 + "title", new FhirString(topic.Title)));
        basic.Extension.Add(new Extension(R5 + "description", new Markdown(topic.Description)));

        var trigger = new Extension { Url = R4B + "resourceTrigger" };
        trigger.Extension.Add(new Extension("description", new Markdown(topic.Description)));
        trigger.Extension.Add(new Extension("resource", new FhirUri("http://hl7.org/fhir/StructureDefinition/Appointment")));
        basic.Extension.Add(trigger);

        var byPatient = new Extension { Url = R4B + "canFilterBy" };
        byPatient.Extension.Add(new Extension("description", new Markdown("Only the items of one patient's pathway: Patient/{pathwayId}.")));
        byPatient.Extension.Add(new Extension("resource", new FhirUri("Appointment")));
        byPatient.Extension.Add(new Extension("filterParameter", new FhirString("patient")));
        basic.Extension.Add(byPatient);
        return basic;
    }

    public static Bundle ToSearchSet(IEnumerable<PlanItemTopic> topics, SubscriptionOptions options)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var topic in topics)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{options.FhirBase}/Basic/{topic.Code}",
                Resource = ToBasic(topic, options),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }
}

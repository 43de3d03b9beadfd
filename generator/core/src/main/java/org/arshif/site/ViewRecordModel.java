package org.arshif.site;

import freemarker.ext.beans.GenericObjectModel;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/**
 * A view record as templates see it: Freemarker's own model for it, whose property reads ({@code article.title})
 * take the record's component through {@link ViewWrapper.Components}, wrapped once per model (a page reads
 * {@code page.t} or {@code article.title} many times). Method calls ({@code p.paged()}, {@code article.title()}),
 * unknown names and everything else a template may do with it go to Freemarker as before.
 */
final class ViewRecordModel extends GenericObjectModel {
    private final ViewWrapper.Components components;
    private final TemplateModel[] read;

    ViewRecordModel(Object record, ViewWrapper wrapper, ViewWrapper.Components components) {
        super(record, wrapper);
        this.components = components;
        this.read = new TemplateModel[components.size()];
    }

    @Override
    protected TemplateModel get(String key, boolean beforeMethodCall)
            throws TemplateModelException, MethodCallAwareTemplateHashModel.ShouldNotBeGetAsMethodException {
        int i = beforeMethodCall ? -1 : components.indexOf(key);
        if (i < 0) {
            return super.get(key, beforeMethodCall);
        }
        TemplateModel model = read[i];
        if (model == null) {
            model = wrap(components.read(i, object));
            read[i] = model;
        }
        return model;
    }
}

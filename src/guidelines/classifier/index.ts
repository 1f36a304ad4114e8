// Small offline text classifiers (hashed n-grams, linear models) usable as a guideline condition.
export { FEATURES_VERSION, type FeatureOptions } from "./features.js";
export { LinearModel, modelFileSchema, type ModelFile, type WordContribution } from "./model.js";
export { listModels, loadModel, modelsDir } from "./registry.js";

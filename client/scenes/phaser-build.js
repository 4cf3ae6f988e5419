/**
 * The Phaser the game ships: Phaser 4's own "core" entry (src/phaser-core.js) plus the few
 * parts the scenes use beyond it (shapes, curves, geometry, the maths and colour helpers), from
 * Phaser's published sources. vite.config.ts points `import Phaser from 'phaser'` here, so the
 * scenes keep Phaser's types while a phone downloads about half of the full build (no physics,
 * tilemaps, particles, sound, video, DOM elements, bitmap text…; issue 16, BENCHMARKS.md).
 *
 * A scene that needs another part adds it below, next to what Phaser calls it. The build-time
 * switches (`typeof WEBGL_RENDERER` and the rest) are set by the plugin in
 * scripts/vite-phaser-build.ts, as Phaser's own webpack build sets them.
 */
import 'phaser-src/polyfills/requestVideoFrame.js';
import CONST from 'phaser-src/const.js';
import Extend from 'phaser-src/utils/object/Extend.js';

import Animations from 'phaser-src/animations/index.js';
import BlendModes from 'phaser-src/renderer/BlendModes.js';
import Cache from 'phaser-src/cache/index.js';
import Scene2D from 'phaser-src/cameras/2d/index.js';
import Core from 'phaser-src/core/index.js';
import Class from 'phaser-src/utils/Class.js';
import QuadraticBezier from 'phaser-src/curves/QuadraticBezierCurve.js';
import Spline from 'phaser-src/curves/SplineCurve.js';
import Data from 'phaser-src/data/index.js';
import Color from 'phaser-src/display/color/index.js';
import Masks from 'phaser-src/display/mask/index.js';
import DOM from 'phaser-src/dom/index.js';
import Events from 'phaser-src/events/index.js';
import Filters from 'phaser-src/filters/index.js';
import Game from 'phaser-src/core/Game.js';
import GeomRectangle from 'phaser-src/geom/rectangle/index.js';
import InputConst from 'phaser-src/input/const.js';
import InputEvents from 'phaser-src/input/events/index.js';
import InputPlugin from 'phaser-src/input/InputPlugin.js';
import Pointer from 'phaser-src/input/Pointer.js';
import Clamp from 'phaser-src/math/Clamp.js';
import Between from 'phaser-src/math/distance/DistanceBetween.js';
import BetweenPoints from 'phaser-src/math/distance/DistanceBetweenPoints.js';
import Vector2 from 'phaser-src/math/Vector2.js';
import Plugins from 'phaser-src/plugins/index.js';
import Renderer from 'phaser-src/renderer/index.js';
import Scale from 'phaser-src/scale/index.js';
import ScaleModes from 'phaser-src/renderer/ScaleModes.js';
import Scene from 'phaser-src/scene/Scene.js';
import Scenes from 'phaser-src/scene/index.js';
import Structs from 'phaser-src/structs/index.js';
import Textures from 'phaser-src/textures/index.js';
import Time from 'phaser-src/time/index.js';
import TintModes from 'phaser-src/renderer/TintModes.js';
import Tweens from 'phaser-src/tweens/index.js';

import GameObjectEvents from 'phaser-src/gameobjects/events/index.js';
import DisplayList from 'phaser-src/gameobjects/DisplayList.js';
import GameObjectCreator from 'phaser-src/gameobjects/GameObjectCreator.js';
import GameObjectFactory from 'phaser-src/gameobjects/GameObjectFactory.js';
import UpdateList from 'phaser-src/gameobjects/UpdateList.js';
import Components from 'phaser-src/gameobjects/components/index.js';
import BuildGameObject from 'phaser-src/gameobjects/BuildGameObject.js';
import BuildGameObjectAnimation from 'phaser-src/gameobjects/BuildGameObjectAnimation.js';
import GameObject from 'phaser-src/gameobjects/GameObject.js';
import Graphics from 'phaser-src/gameobjects/graphics/Graphics.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import Layer from 'phaser-src/gameobjects/layer/Layer.js';
import Sprite from 'phaser-src/gameobjects/sprite/Sprite.js';
import Text from 'phaser-src/gameobjects/text/Text.js';
import Shape from 'phaser-src/gameobjects/shape/Shape.js';
import Arc from 'phaser-src/gameobjects/shape/arc/Arc.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
// Factories register `scene.add.<name>` and creators `scene.make.<name>` when imported (they
// export nothing).
import 'phaser-src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import 'phaser-src/gameobjects/layer/LayerFactory.js';
import 'phaser-src/gameobjects/sprite/SpriteFactory.js';
import 'phaser-src/gameobjects/text/TextFactory.js';
import 'phaser-src/gameobjects/shape/arc/ArcFactory.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';
import 'phaser-src/gameobjects/graphics/GraphicsCreator.js';
import 'phaser-src/gameobjects/image/ImageCreator.js';
import 'phaser-src/gameobjects/layer/LayerCreator.js';
import 'phaser-src/gameobjects/sprite/SpriteCreator.js';
import 'phaser-src/gameobjects/text/TextCreator.js';

import LoaderPlugin from 'phaser-src/loader/LoaderPlugin.js';
import LoaderFile from 'phaser-src/loader/File.js';
import FileTypesManager from 'phaser-src/loader/FileTypesManager.js';
import AtlasJSONFile from 'phaser-src/loader/filetypes/AtlasJSONFile.js';
import ImageFile from 'phaser-src/loader/filetypes/ImageFile.js';
import JSONFile from 'phaser-src/loader/filetypes/JSONFile.js';

const Phaser = Extend(
  false,
  {
    Animations,
    BlendModes,
    Cache,
    Cameras: { Scene2D },
    Core,
    Class,
    Curves: { QuadraticBezier, Spline },
    Data,
    Display: { Color, Masks },
    DOM,
    Events,
    Filters,
    Game,
    GameObjects: {
      Events: GameObjectEvents,
      DisplayList,
      GameObjectCreator,
      GameObjectFactory,
      UpdateList,
      Components,
      BuildGameObject,
      BuildGameObjectAnimation,
      GameObject,
      Graphics,
      Image,
      Layer,
      Sprite,
      Text,
      Shape,
      Arc,
      Rectangle,
    },
    Geom: { Rectangle: GeomRectangle },
    // Mouse and touch only: the keyboard controls listen on the canvas' DOM wrapper.
    Input: Extend(false, { Events: InputEvents, InputPlugin, Pointer }, InputConst),
    Loader: {
      File: LoaderFile,
      FileTypes: { AtlasJSONFile, ImageFile, JSONFile },
      FileTypesManager,
      LoaderPlugin,
    },
    Math: { Clamp, Distance: { Between, BetweenPoints }, Vector2 },
    Plugins,
    Renderer,
    Scale,
    ScaleModes,
    Scene,
    Scenes,
    Structs,
    Textures,
    Time,
    TintModes,
    Tweens,
  },
  CONST,
);

// Phaser's own entries do the same; plugins and the devtools look for it.
globalThis.Phaser = Phaser;

export default Phaser;
